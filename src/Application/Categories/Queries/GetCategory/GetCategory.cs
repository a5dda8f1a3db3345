using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Categories.Queries.GetCategory;

public sealed record GetCategoryQuery(string Code) : IQuery<CategoryDto>;

public sealed class GetCategoryQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetCategoryQuery, CategoryDto>
{
    public async ValueTask<CategoryDto> Handle(GetCategoryQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCategories.AsNoTracking().Where(c => c.Code == query.Code).ProjectTo<CategoryDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Category", query.Code);
}
