using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Domain.ImprovementActions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Commands.RecordInvestigation;

/// <summary>
/// What the investigation found: the cause as a code of the cause taxonomy (reports group by it; an unfounded complaint
/// has one too, often the customer's own operation) and in the investigator's words (<c>rootCause</c>); optionally the
/// improvement action it leads to (<c>improvementActionId</c>, an open one: the complaint is traced to it).
/// </summary>
public sealed record RecordInvestigationInput(
    string Findings,
    string Cause,
    string? RootCause,
    bool? IsGenuine,
    IReadOnlyList<string>? Evidence,
    Guid? ImprovementActionId);

public sealed record RecordInvestigationCommand(Guid Id, RecordInvestigationInput Input, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class RecordInvestigationCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<RecordInvestigationCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(RecordInvestigationCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        await ClassificationRules.EnsureActiveCauseAsync(db, command.Input.Cause, "cause", cancellationToken);

        var now = time.GetUtcNow();
        if (command.Input.ImprovementActionId is { } actionId)
        {
            var action = await db.ImprovementActions.SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken)
                ?? throw new ValidationException("improvementActionId", "No improvement action has this id.");
            action.Link(new ImprovementLink(ImprovementLinkKind.Complaint, complaint.Id), now);
        }

        complaint.Investigate(new Investigation(command.Input.Findings, command.Input.Cause, command.Input.RootCause, command.Input.IsGenuine!.Value, command.Input.Evidence ?? [],
            command.Input.ImprovementActionId), user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
