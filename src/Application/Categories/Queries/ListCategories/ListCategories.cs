using AutoMapper;
using CustomerCare.Application.Categories.Queries.GetCategory;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Categories.Queries.ListCategories;

/// <summary>The complaint categories by code: the active ones, or all with <c>includeInactive</c>; <c>search</c> finds text in the code or either name.</summary>
public sealed record ListCategoriesQuery(bool IncludeInactive, string? Search = null) : IQuery<IReadOnlyList<CategoryDto>>;

public sealed class ListCategoriesQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListCategoriesQuery, IReadOnlyList<CategoryDto>>
{
    public async ValueTask<IReadOnlyList<CategoryDto>> Handle(ListCategoriesQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCategories.ListTermsAsync<ComplaintCategory, CategoryDto>(query.IncludeInactive, query.Search, mapper, cancellationToken);
}
