using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Incidents.Queries.GetIncident;
using CustomerCare.Domain.Incidents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Incidents.Queries.ListIncidents;

/// <summary>Incidents, newest start first, optionally of one status, paged.</summary>
public sealed record ListIncidentsQuery(IncidentStatus? Status, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<IncidentDto>>;

public sealed class ListIncidentsQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListIncidentsQuery, PagedList<IncidentDto>>
{
    public async ValueTask<PagedList<IncidentDto>> Handle(ListIncidentsQuery query, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking().Where(i => query.Status == null || i.Status == query.Status);
        var total = await incidents.CountAsync(cancellationToken);
        var page = await incidents.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectTo<IncidentDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
        return new PagedList<IncidentDto>(page, query.Page, query.PageSize, total);
    }
}
