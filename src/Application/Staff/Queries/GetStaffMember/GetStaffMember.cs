using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using Mediator;

namespace CustomerCare.Application.Staff.Queries.GetStaffMember;

public sealed record GetStaffMemberQuery(Guid Id) : IQuery<StaffMemberDto>;

public sealed class GetStaffMemberQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<GetStaffMemberQuery, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(GetStaffMemberQuery query, CancellationToken cancellationToken) =>
        await db.Staff.SingleDtoAsync<StaffMember, StaffMemberDto>(query.Id, mapper, "Staff member", cancellationToken);
}
