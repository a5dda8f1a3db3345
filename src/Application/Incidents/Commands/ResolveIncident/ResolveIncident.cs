using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Incidents.Commands.ResolveIncident;

/// <summary>What fixed the fault (told to every customer of a linked complaint as the result) and when it ended (default: now).</summary>
public sealed record ResolveIncidentInput(string Resolution, DateTimeOffset? EndedAt);

/// <summary>
/// What resolving did to the linked complaints: <c>resolved</c> now; <c>alreadyDone</c> (resolved or closed before);
/// <c>notRegistered</c> (still only received: register them, then resolve again); <c>notPermitted</c> (re-complaints
/// escalated above the caller: someone at their level resolves again); <c>remaining</c>, those still open that the
/// caller may not see — all zero but <c>resolved</c> and <c>alreadyDone</c> once every linked complaint is done.
/// </summary>
public sealed record IncidentResolutionDto(int Resolved, int AlreadyDone, int NotRegistered, int NotPermitted, int Remaining);

/// <summary>
/// Resolves the incident and, in batches, every linked complaint the caller may act on (each keeps its own timeline,
/// clocks and ETag, and its customer is told the result once). Asking again with the same resolution resumes a run that
/// stopped and changes nothing already done; another resolution for a resolved incident is 409.
/// </summary>
public sealed record ResolveIncidentCommand(Guid Id, ResolveIncidentInput Input, uint? ExpectedVersion) : ICommand<IncidentResolutionDto>;

public sealed class ResolveIncidentCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IOptions<IncidentOptions> options)
    : ICommandHandler<ResolveIncidentCommand, IncidentResolutionDto>
{
    public async ValueTask<IncidentResolutionDto> Handle(ResolveIncidentCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Incident", command.Id);
        db.ExpectVersion(incident, command.ExpectedVersion);
        if (command.Input.EndedAt < incident.StartedAt)
        {
            throw new ValidationException("endedAt", "An incident cannot end before it started.");
        }

        var now = time.GetUtcNow();
        incident.Resolve(command.Input.Resolution, command.Input.EndedAt, now);
        await db.SaveChangesAsync(cancellationToken);
        db.DiscardChanges();

        var rank = EscalationAuthority.RankOf(user);
        var linked = db.Complaints.Where(c => c.IncidentId == incident.Id);
        var mayAct = (await db.VisibleAsync(user, cancellationToken))
            .Where(c => c.IncidentId == incident.Id && (c.ReComplaintOfId == null || rank >= 2 || c.EscalationLevel <= rank));
        var actor = user.Actor();
        var resolution = incident.Resolution!;
        var resolved = await IncidentBatches.RunAsync(db,
            mayAct.Where(c => c.Status != ComplaintStatus.Received && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed),
            options.Value.BatchSize, complaint => complaint.ResolveByIncident(resolution, actor, now), cancellationToken);

        var counts = await linked.GroupBy(c => 1).Select(g => new
        {
            Done = g.Count(c => c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed),
            NotRegistered = g.Count(c => c.Status == ComplaintStatus.Received),
            Open = g.Count(c => c.Status != ComplaintStatus.Received && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed),
        }).SingleOrDefaultAsync(cancellationToken);
        var notPermitted = await (await db.VisibleAsync(user, cancellationToken))
            .CountAsync(c => c.IncidentId == incident.Id && c.Status != ComplaintStatus.Received && c.Status != ComplaintStatus.Resolved
                && c.Status != ComplaintStatus.Closed, cancellationToken);
        return new IncidentResolutionDto(resolved, Math.Max(0, (counts?.Done ?? 0) - resolved), counts?.NotRegistered ?? 0, notPermitted,
            (counts?.Open ?? 0) - notPermitted);
    }
}
