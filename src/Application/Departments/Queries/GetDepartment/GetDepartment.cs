using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using Mediator;

namespace CustomerCare.Application.Departments.Queries.GetDepartment;

public sealed record GetDepartmentQuery(Guid Id) : IQuery<DepartmentDto>;

public sealed class GetDepartmentQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<GetDepartmentQuery, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(GetDepartmentQuery query, CancellationToken cancellationToken) =>
        await db.Departments.SingleDtoAsync<Department, DepartmentDto>(query.Id, mapper, "Department", cancellationToken);
}
