using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Categories.Queries.GetCategory;

public sealed record GetCategoryQuery(string Code) : IQuery<CategoryDto>;

public sealed class GetCategoryQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetCategoryQuery, CategoryDto>
{
    public async ValueTask<CategoryDto> Handle(GetCategoryQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCategories.GetTermAsync<ComplaintCategory, CategoryDto>(query.Code, "Category", mapper, cancellationToken);
}
