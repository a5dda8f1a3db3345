using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CustomerGrades.Queries.ListCustomerGrades;

/// <summary>The customer grades by code: the active ones, or all with <c>includeInactive</c>; <c>search</c> finds text in the code or either name.</summary>
public sealed record ListCustomerGradesQuery(bool IncludeInactive, string? Search = null) : IQuery<IReadOnlyList<CustomerGradeDto>>;

public sealed class ListCustomerGradesQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListCustomerGradesQuery, IReadOnlyList<CustomerGradeDto>>
{
    public async ValueTask<IReadOnlyList<CustomerGradeDto>> Handle(ListCustomerGradesQuery query, CancellationToken cancellationToken) =>
        await db.CustomerGrades.AsNoTracking().Where(c => query.IncludeInactive || c.IsActive)
            .Where(c => query.Search == null || c.Code.ToLower().Contains(query.Search.ToLower()) || c.NameEn.ToLower().Contains(query.Search.ToLower())
                || c.NameZhCn.Contains(query.Search))
            .OrderBy(c => c.Code)
            .ProjectTo<CustomerGradeDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
}
