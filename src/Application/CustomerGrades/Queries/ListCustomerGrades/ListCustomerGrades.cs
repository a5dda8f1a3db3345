using AutoMapper;
using CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;
using Mediator;

namespace CustomerCare.Application.CustomerGrades.Queries.ListCustomerGrades;

/// <summary>The customer grades by code: the active ones, or all with <c>includeInactive</c>; <c>search</c> finds text in the code or either name.</summary>
public sealed record ListCustomerGradesQuery(bool IncludeInactive, string? Search = null) : IQuery<IReadOnlyList<CustomerGradeDto>>;

public sealed class ListCustomerGradesQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListCustomerGradesQuery, IReadOnlyList<CustomerGradeDto>>
{
    public async ValueTask<IReadOnlyList<CustomerGradeDto>> Handle(ListCustomerGradesQuery query, CancellationToken cancellationToken) =>
        await db.CustomerGrades.ListTermsAsync<CustomerGrade, CustomerGradeDto>(query.IncludeInactive, query.Search, mapper, cancellationToken);
}
