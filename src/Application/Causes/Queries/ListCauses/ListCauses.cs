using AutoMapper;
using CustomerCare.Application.Causes.Queries.GetCause;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Causes.Queries.ListCauses;

/// <summary>The cause taxonomy by code: the active ones, or all with <c>includeInactive</c>; <c>search</c> finds text in the code or either name.</summary>
public sealed record ListCausesQuery(bool IncludeInactive, string? Search = null) : IQuery<IReadOnlyList<CauseDto>>;

public sealed class ListCausesQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListCausesQuery, IReadOnlyList<CauseDto>>
{
    public async ValueTask<IReadOnlyList<CauseDto>> Handle(ListCausesQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCauses.ListTermsAsync<ComplaintCause, CauseDto>(query.IncludeInactive, query.Search, mapper, cancellationToken);
}
