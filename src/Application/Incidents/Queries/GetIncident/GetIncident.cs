using System.Text.Json;
using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Incidents.Queries.GetIncident;

/// <summary>
/// One incident with counts of the linked complaints the caller may see. A partner sees an incident only through its
/// own complaints: one none of them is traced to is "not found", and the counts are of its complaints alone.
/// </summary>
public sealed record GetIncidentQuery(Guid Id) : IQuery<IncidentDetailsDto>;

public sealed class GetIncidentQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : IQueryHandler<GetIncidentQuery, IncidentDetailsDto>
{
    public async ValueTask<IncidentDetailsDto> Handle(GetIncidentQuery query, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Incident", query.Id);
        var now = time.GetUtcNow();
        var linked = (await db.VisibleAsync(user, cancellationToken)).AsNoTracking().Where(c => c.IncidentId == incident.Id);
        var rows = await linked.Select(c => new
        {
            c.Status,
            Breached = c.Status != ComplaintStatus.Closed && c.SlaClocks.Any(k => k.MetAt == null && k.PausedAt == null && k.DueAt <= now),
            AtRisk = c.Status != ComplaintStatus.Closed && c.SlaClocks.Any(k => k.MetAt == null && k.PausedAt == null && k.AtRiskFrom <= now && k.DueAt > now),
        }).ToListAsync(cancellationToken);
        if (rows.Count == 0 && user.ReadsPublicOnly())
        {
            throw new NotFoundException("Incident", query.Id);
        }

        var open = rows.Where(r => r.Status != ComplaintStatus.Closed).ToList();
        var counts = new IncidentComplaintsDto(
            rows.Count,
            Enum.GetValues<ComplaintStatus>().ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()), s => rows.Count(r => r.Status == s)),
            open.Count(r => r.Breached), open.Count(r => !r.Breached && r.AtRisk), open.Count(r => !r.Breached && !r.AtRisk));
        return new IncidentDetailsDto(mapper.Map<IncidentDto>(incident), counts);
    }
}
