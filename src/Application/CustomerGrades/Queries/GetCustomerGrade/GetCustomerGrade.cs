using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;

public sealed record GetCustomerGradeQuery(string Code) : IQuery<CustomerGradeDto>;

public sealed class GetCustomerGradeQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetCustomerGradeQuery, CustomerGradeDto>
{
    public async ValueTask<CustomerGradeDto> Handle(GetCustomerGradeQuery query, CancellationToken cancellationToken) =>
        await db.CustomerGrades.AsNoTracking().Where(c => c.Code == query.Code).ProjectTo<CustomerGradeDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Customer grade", query.Code);
}
