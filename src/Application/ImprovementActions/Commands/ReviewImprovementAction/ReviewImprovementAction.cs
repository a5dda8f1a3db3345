using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;
using CustomerCare.Application.Reports;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.ImprovementActions;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.ImprovementActions.Commands.ReviewImprovementAction;

/// <summary>What the reviewer adds to the figures.</summary>
public sealed record ReviewImprovementActionInput(string? Note);

/// <summary>
/// The effect review of a done action, once its review period has passed: counts the complaints of its category and/or
/// cause received in the period before it was done and in the period after, turns them into complaint rates on the
/// reports' basis, and records the action effective (the rate fell by at least
/// <c>CustomerCare:Improvement:EffectiveReduction</c>) or not effective. Supervisors, managers and administrators review.
/// </summary>
public sealed record ReviewImprovementActionCommand(Guid Id, ReviewImprovementActionInput Input, uint? ExpectedVersion) : ICommand<ImprovementActionDto>;

public sealed class ReviewImprovementActionCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ISlaScheduleProvider schedules, ReportScopes reports,
    IOptions<ImprovementOptions> options)
    : ICommandHandler<ReviewImprovementActionCommand, ImprovementActionDto>
{
    public async ValueTask<ImprovementActionDto> Handle(ReviewImprovementActionCommand command, CancellationToken cancellationToken)
    {
        if (EscalationAuthority.RankOf(user) < 1)
        {
            throw new ForbiddenException("A supervisor, manager or administrator reviews an action's effect.");
        }

        var action = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        var (beforeFrom, afterFrom, afterTo) = action.ReviewWindows();
        var matching = db.Complaints.AsNoTracking().Where(c => c.DuplicateOfId == null);
        if (action.Category is { } category)
        {
            matching = matching.Where(c => c.Category == category);
        }

        if (action.Cause is { } cause)
        {
            matching = matching.Where(c => EF.Property<string?>(c, ClassificationRules.CauseColumn) == cause);
        }

        var counts = await matching.Where(c => c.ReceivedAt >= beforeFrom && c.ReceivedAt < afterTo)
            .GroupBy(c => c.ReceivedAt < afterFrom)
            .Select(g => new { Before = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var before = counts.SingleOrDefault(c => c.Before)?.Count ?? 0;
        var after = counts.SingleOrDefault(c => !c.Before)?.Count ?? 0;
        var basis = (await reports.RateBasisAsync(cancellationToken)).Value;
        var required = options.Value.EffectiveReduction;
        var (beforeRate, afterRate, change, effective) = ImprovementAction.Compare(before, after, Math.Max(basis, 1), required);
        action.RecordReview(new EffectReview(beforeFrom, afterFrom, afterTo, Math.Max(basis, 1), before, after, beforeRate, afterRate, change, required, effective,
            string.IsNullOrWhiteSpace(command.Input.Note) ? null : command.Input.Note.Trim(), user.Id, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return ImprovementActionDto.For(mapper, action, await schedules.TodayAsync(time, cancellationToken));
    }
}
