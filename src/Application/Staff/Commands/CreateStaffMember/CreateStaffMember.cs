using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Staff.Queries.GetStaffMember;
using CustomerCare.Domain.Organisation;
using Mediator;

namespace CustomerCare.Application.Staff.Commands.CreateStaffMember;

/// <summary>An administrator adds a staff member with an initial password.</summary>
public sealed record CreateStaffMemberCommand(string Name, string Email, Guid DepartmentId, IReadOnlyList<Role> Roles, string Password)
    : ICommand<StaffMemberDto>;

public sealed class CreateStaffMemberCommandHandler(IApplicationDbContext db, IPasswordHasher hasher, IMapper mapper, TimeProvider time)
    : ICommandHandler<CreateStaffMemberCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(CreateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        await StaffRules.EnsureEmailIsFreeAsync(db, command.Email, null, cancellationToken);
        await StaffRules.EnsureActiveDepartmentAsync(db, command.DepartmentId, cancellationToken);

        var staff = StaffMember.Create(
            command.Name, command.Email, command.DepartmentId, command.Roles, hasher.Hash(command.Password), time.GetUtcNow());
        db.Staff.Add(staff);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<StaffMemberDto>(staff);
    }
}
