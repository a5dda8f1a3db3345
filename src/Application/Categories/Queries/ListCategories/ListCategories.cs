using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Categories.Queries.GetCategory;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Categories.Queries.ListCategories;

/// <summary>The complaint categories by code: the active ones, or all with <c>includeInactive</c>; <c>search</c> finds text in the code or either name.</summary>
public sealed record ListCategoriesQuery(bool IncludeInactive, string? Search = null) : IQuery<IReadOnlyList<CategoryDto>>;

public sealed class ListCategoriesQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListCategoriesQuery, IReadOnlyList<CategoryDto>>
{
    public async ValueTask<IReadOnlyList<CategoryDto>> Handle(ListCategoriesQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCategories.AsNoTracking().Where(c => query.IncludeInactive || c.IsActive)
            .Where(c => query.Search == null || c.Code.ToLower().Contains(query.Search.ToLower()) || c.NameEn.ToLower().Contains(query.Search.ToLower())
                || c.NameZhCn.Contains(query.Search))
            .OrderBy(c => c.Code)
            .ProjectTo<CategoryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
}
