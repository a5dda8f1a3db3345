using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;
using Mediator;

namespace CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;

public sealed record GetCustomerGradeQuery(string Code) : IQuery<CustomerGradeDto>;

public sealed class GetCustomerGradeQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetCustomerGradeQuery, CustomerGradeDto>
{
    public async ValueTask<CustomerGradeDto> Handle(GetCustomerGradeQuery query, CancellationToken cancellationToken) =>
        await db.CustomerGrades.GetTermAsync<CustomerGrade, CustomerGradeDto>(query.Code, "Customer grade", mapper, cancellationToken);
}
