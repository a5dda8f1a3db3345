using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Incidents.Commands.LinkComplaintsToIncident;

/// <summary>
/// Which complaints to trace to the incident: a selection (<c>complaintIds</c>, at most 500) or a rule (every complaint
/// not closed and not traced elsewhere of a <c>category</c>, optionally of a <c>product</c>, received between
/// <c>receivedFrom</c> and <c>receivedTo</c>) — one of the two.
/// </summary>
public sealed record LinkComplaintsInput(IReadOnlyList<Guid>? ComplaintIds, IncidentRuleInput? Rule);

/// <summary>Category and receipt window are required; product narrows (exact, as the complaints carry it).</summary>
public sealed record IncidentRuleInput(string Category, string? Product, DateTimeOffset? ReceivedFrom, DateTimeOffset? ReceivedTo);

/// <summary>
/// What linking did: <c>linked</c> now, <c>alreadyLinked</c> (to this incident before; unchanged) and <c>refused</c>:
/// a complaint of the selection that is not found (or not the caller's to see), closed, or traced to another incident,
/// each with its id and the problem's code.
/// </summary>
public sealed record IncidentLinksDto(int Linked, int AlreadyLinked, IReadOnlyList<RefusedLinkDto> Refused);

public sealed record RefusedLinkDto(Guid ComplaintId, string Code);

public sealed record LinkComplaintsToIncidentCommand(Guid Id, LinkComplaintsInput Input) : ICommand<IncidentLinksDto>;

public sealed class LinkComplaintsToIncidentCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IOptions<IncidentOptions> options)
    : ICommandHandler<LinkComplaintsToIncidentCommand, IncidentLinksDto>
{
    public async ValueTask<IncidentLinksDto> Handle(LinkComplaintsToIncidentCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Incident", command.Id);
        incident.EnsureOpen();
        var visible = await db.VisibleAsync(user, cancellationToken);
        var refused = new List<RefusedLinkDto>();
        IQueryable<Complaint> selected;
        if (command.Input.ComplaintIds is { } ids)
        {
            var wanted = ids.Distinct().ToList();
            selected = visible.Where(c => wanted.Contains(c.Id));
            var found = await selected.Select(c => new { c.Id, c.IncidentId, c.Status }).ToListAsync(cancellationToken);
            refused.AddRange(wanted.Except(found.Select(f => f.Id)).Select(id => new RefusedLinkDto(id, "complaint.notFound")));
            refused.AddRange(found.Where(f => f.IncidentId is { } other && other != incident.Id).Select(f => new RefusedLinkDto(f.Id, "complaint.linkedToAnotherIncident")));
            refused.AddRange(found.Where(f => f.IncidentId is null && f.Status == ComplaintStatus.Closed).Select(f => new RefusedLinkDto(f.Id, "complaint.closed")));
        }
        else
        {
            var rule = command.Input.Rule!;
            var (from, to) = (rule.ReceivedFrom!.Value, rule.ReceivedTo!.Value);
            selected = visible.Where(c => c.Category == rule.Category && c.ReceivedAt >= from && c.ReceivedAt < to
                && (c.IncidentId == incident.Id || (c.IncidentId == null && c.Status != ComplaintStatus.Closed)));
            if (rule.Product is { } product)
            {
                selected = selected.Where(c => c.Product == product);
            }

            var matching = await selected.CountAsync(cancellationToken);
            if (matching > options.Value.MaxLinksPerRule)
            {
                throw new DomainException("incident.tooManyComplaints",
                    $"{matching} complaints match the rule; one linking takes at most {options.Value.MaxLinksPerRule}. Narrow the rule (product, a shorter window).",
                    new Dictionary<string, object?> { ["complaints"] = matching });
            }
        }

        var alreadyLinked = await selected.CountAsync(c => c.IncidentId == incident.Id, cancellationToken);
        var now = time.GetUtcNow();
        var actor = user.Actor();
        var linked = await IncidentBatches.RunAsync(db, selected.Where(c => c.IncidentId == null && c.Status != ComplaintStatus.Closed), options.Value.BatchSize,
            complaint => complaint.LinkToIncident(incident.Id, incident.Title, actor, now), cancellationToken);
        return new IncidentLinksDto(linked, alreadyLinked, refused);
    }
}
