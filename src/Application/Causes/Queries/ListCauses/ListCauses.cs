using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Causes.Queries.GetCause;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Causes.Queries.ListCauses;

/// <summary>The cause taxonomy by code: the active ones, or all with <c>includeInactive</c>; <c>search</c> finds text in the code or either name.</summary>
public sealed record ListCausesQuery(bool IncludeInactive, string? Search = null) : IQuery<IReadOnlyList<CauseDto>>;

public sealed class ListCausesQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListCausesQuery, IReadOnlyList<CauseDto>>
{
    public async ValueTask<IReadOnlyList<CauseDto>> Handle(ListCausesQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCauses.AsNoTracking().Where(c => query.IncludeInactive || c.IsActive)
            .Where(c => query.Search == null || c.Code.ToLower().Contains(query.Search.ToLower()) || c.NameEn.ToLower().Contains(query.Search.ToLower())
                || c.NameZhCn.Contains(query.Search))
            .OrderBy(c => c.Code)
            .ProjectTo<CauseDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
}
