using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Customers;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Organisation;
using Microsoft.Extensions.Options;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Feedback;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Feedback;

public sealed record FeedbackDto(
    Guid Id, Guid CustomerId, FeedbackKind Kind, Channel Channel, string Subject, string Text, FeedbackStatus Status,
    IReadOnlyList<FeedbackStatus> AllowedStatuses, Guid? RecordedById, Guid? HandlerId, DateTimeOffset? AcknowledgedAt, DateTimeOffset? StartedAt,
    string? Answer, Channel? AnsweredVia, DateTimeOffset? AnsweredAt, bool? Accepted, string? ImprovementAction, int RewardPoints,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    public static FeedbackDto From(CustomerFeedback f) => new(
        f.Id, f.CustomerId, f.Kind, f.Channel, f.Subject, f.Text, f.Status, f.AllowedMoves, f.RecordedById, f.HandlerId, f.AcknowledgedAt, f.StartedAt,
        f.Answer, f.AnsweredVia, f.AnsweredAt, f.Accepted, f.ImprovementAction, f.RewardPoints, f.CreatedAt, f.UpdatedAt, f.Version);
}

internal static class FeedbackAccess
{
    public static async Task<CustomerFeedback> LoadForChangeAsync(this IApplicationDbContext db, Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("Feedback", id);
        db.ExpectVersion(feedback, expectedVersion ?? throw new PreconditionRequiredException("feedback"));
        return feedback;
    }

    public static Guid? StaffId(this ICurrentUser user) => user.Kind == CallerKind.Staff ? user.Id : null;
}

/// <summary>Records feedback a customer gave through any channel (state new).</summary>
public sealed record ReceiveFeedbackCommand(Guid CustomerId, FeedbackKind Kind, Channel Channel, string Subject, string Text) : ICommand<FeedbackDto>;

public sealed class ReceiveFeedbackCommandValidator : AbstractValidator<ReceiveFeedbackCommand>
{
    public ReceiveFeedbackCommandValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(CustomerFeedback.SubjectMaxLength);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(CustomerFeedback.TextMaxLength);
    }
}

public sealed class ReceiveFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<ReceiveFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(ReceiveFeedbackCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId && c.ErasedAt == null && c.MergedIntoId == null, cancellationToken))
        {
            throw new ValidationException("customerId", "No customer has this id.");
        }

        var feedback = CustomerFeedback.Receive(command.CustomerId, command.Kind, command.Channel, command.Subject, command.Text, user.StaffId(), time.GetUtcNow());
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return FeedbackDto.From(feedback);
    }
}

/// <summary>The customer was told their feedback arrived: new → acknowledged.</summary>
public sealed record AcknowledgeFeedbackCommand(Guid Id, uint? ExpectedVersion) : ICommand<FeedbackDto>;

public sealed class AcknowledgeFeedbackCommandValidator : AbstractValidator<AcknowledgeFeedbackCommand>
{
    public AcknowledgeFeedbackCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}

public sealed class AcknowledgeFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<AcknowledgeFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(AcknowledgeFeedbackCommand command, CancellationToken cancellationToken)
    {
        var feedback = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        feedback.Acknowledge(user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FeedbackDto.From(feedback);
    }
}

/// <summary>Work starts (by the caller, or the staff member named): → in progress.</summary>
public sealed record StartFeedbackCommand(Guid Id, Guid? HandlerId, uint? ExpectedVersion) : ICommand<FeedbackDto>;

public sealed class StartFeedbackCommandValidator : AbstractValidator<StartFeedbackCommand>
{
    public StartFeedbackCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.HandlerId).NotEqual(Guid.Empty);
    }
}

public sealed class StartFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<StartFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(StartFeedbackCommand command, CancellationToken cancellationToken)
    {
        if (command.HandlerId is { } handler && !await db.Staff.AnyAsync(s => s.Id == handler && s.IsActive, cancellationToken))
        {
            throw new ValidationException("handlerId", "No active staff member has this id.");
        }

        var feedback = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        feedback.Start(command.HandlerId ?? user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FeedbackDto.From(feedback);
    }
}

/// <summary>
/// The customer is told the outcome (→ answered, final). Without <see cref="Via"/> the answer goes by the customer's
/// preferred channel, else the channel the feedback came through. Reward points are added to the customer's account.
/// </summary>
public sealed record AnswerFeedbackCommand(
    Guid Id, string Answer, Channel? Via, bool? Accepted, string? ImprovementAction, int RewardPoints, uint? ExpectedVersion) : ICommand<FeedbackDto>;

public sealed class AnswerFeedbackCommandValidator : AbstractValidator<AnswerFeedbackCommand>
{
    public AnswerFeedbackCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Answer).NotEmpty().MaximumLength(CustomerFeedback.AnswerMaxLength);
        RuleFor(c => c.Via).IsInEnum();
        RuleFor(c => c.ImprovementAction).MaximumLength(CustomerFeedback.ImprovementMaxLength);
        RuleFor(c => c.ImprovementAction).NotEmpty().When(c => c.Accepted == true).WithMessage("An accepted suggestion records the improvement action it leads to.");
        RuleFor(c => c.RewardPoints).InclusiveBetween(0, CustomerFeedback.MaxRewardPoints);
    }
}

public sealed class AnswerFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, IOptions<RewardOptions> rewards, TimeProvider time)
    : ICommandHandler<AnswerFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(AnswerFeedbackCommand command, CancellationToken cancellationToken)
    {
        var feedback = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == feedback.CustomerId, cancellationToken);
        var now = time.GetUtcNow();
        if (command.RewardPoints > 0)
        {
            await EnsureWithinLimitsAsync(customer.Id, command.RewardPoints, now, cancellationToken);
            db.Record(user, customer.Id, CustomerAccess.RewardGranted, now, points: command.RewardPoints);
        }

        feedback.Respond(command.Answer, command.Via ?? customer.PreferredChannel ?? feedback.Channel, command.Accepted, command.ImprovementAction,
            command.RewardPoints, user.StaffId(), now);
        customer.GrantRewardPoints(command.RewardPoints, now);
        await db.SaveChangesAsync(cancellationToken);
        return FeedbackDto.From(feedback);
    }

    /// <summary>
    /// A grant stays within the most per grant, within the caller's own limit (an agent's is lower: more needs a supervisor),
    /// and within the customer's cap for the period, counted over the grants in the audit log.
    /// </summary>
    private async Task EnsureWithinLimitsAsync(Guid customerId, int points, DateTimeOffset now, CancellationToken ct)
    {
        var o = rewards.Value;
        if (points > o.MaxPerGrant)
        {
            throw new ValidationException("rewardPoints", $"At most {o.MaxPerGrant} points per grant.");
        }

        if (points > o.AgentMaxPerGrant && !(user.IsInRole(Role.Supervisor) || user.IsInRole(Role.Manager) || user.IsInRole(Role.Admin)))
        {
            throw new ForbiddenException($"Grants above {o.AgentMaxPerGrant} points need a supervisor, manager or administrator.");
        }

        var since = now - o.Period;
        var granted = await db.CustomerAccessRecords
            .Where(r => r.CustomerId == customerId && r.Action == CustomerAccess.RewardGranted && r.At > since)
            .SumAsync(r => r.Points ?? 0, ct);
        if (granted + points > o.MaxPerCustomerPerPeriod)
        {
            throw new ValidationException("rewardPoints",
                $"The customer has received {granted} of at most {o.MaxPerCustomerPerPeriod} points in the last {o.Period.TotalDays:0} days; at most {Math.Max(0, o.MaxPerCustomerPerPeriod - granted)} more.");
        }
    }
}

public sealed record ListFeedbackQuery(FeedbackStatus? Status, FeedbackKind? Kind, Guid? CustomerId, Guid? HandlerId, int Page, int PageSize)
    : IQuery<PagedList<FeedbackDto>>;

public sealed class ListFeedbackQueryValidator : AbstractValidator<ListFeedbackQuery>
{
    public ListFeedbackQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.CustomerId).NotEqual(Guid.Empty);
        RuleFor(q => q.HandlerId).NotEqual(Guid.Empty);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}

public sealed class ListFeedbackQueryHandler(IApplicationDbContext db) : IQueryHandler<ListFeedbackQuery, PagedList<FeedbackDto>>
{
    public async ValueTask<PagedList<FeedbackDto>> Handle(ListFeedbackQuery query, CancellationToken cancellationToken)
    {
        var feedback = db.Feedback.AsNoTracking();
        if (query.Status is { } status)
        {
            feedback = feedback.Where(f => f.Status == status);
        }

        if (query.Kind is { } kind)
        {
            feedback = feedback.Where(f => f.Kind == kind);
        }

        if (query.CustomerId is { } customerId)
        {
            feedback = feedback.Where(f => f.CustomerId == customerId);
        }

        if (query.HandlerId is { } handlerId)
        {
            feedback = feedback.Where(f => f.HandlerId == handlerId);
        }

        return (await PagedList<CustomerFeedback>.CreateAsync(feedback.OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id), query.Page, query.PageSize, cancellationToken))
            .Select(FeedbackDto.From);
    }
}

public sealed record GetFeedbackQuery(Guid Id) : IQuery<FeedbackDto>;

public sealed class GetFeedbackQueryValidator : AbstractValidator<GetFeedbackQuery>
{
    public GetFeedbackQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}

public sealed class GetFeedbackQueryHandler(IApplicationDbContext db) : IQueryHandler<GetFeedbackQuery, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(GetFeedbackQuery query, CancellationToken cancellationToken) =>
        FeedbackDto.From(await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Feedback", query.Id));
}
