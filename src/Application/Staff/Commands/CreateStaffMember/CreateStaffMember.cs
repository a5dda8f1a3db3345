using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Staff.Queries.GetStaffMember;
using CustomerCare.Domain.Organisation;
using Mediator;

namespace CustomerCare.Application.Staff.Commands.CreateStaffMember;

/// <summary>An administrator adds a staff member with an initial password.</summary>
/// <summary>A new staff member, with an initial password.</summary>
public sealed record CreateStaffMemberInput(
    string Name,
    string Email,
    Guid? DepartmentId,
    IReadOnlyList<Role> Roles,
    string Password);

public sealed record CreateStaffMemberCommand(CreateStaffMemberInput Input)
    : ICommand<StaffMemberDto>;

public sealed class CreateStaffMemberCommandHandler(IApplicationDbContext db, IPasswordHasher hasher, IMapper mapper, TimeProvider time)
    : ICommandHandler<CreateStaffMemberCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(CreateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        await StaffRules.EnsureEmailIsFreeAsync(db, command.Input.Email, null, cancellationToken);
        await StaffRules.EnsureActiveDepartmentAsync(db, command.Input.DepartmentId!.Value, cancellationToken);

        var staff = StaffMember.Create(
            command.Input.Name, command.Input.Email, command.Input.DepartmentId!.Value, command.Input.Roles, hasher.Hash(command.Input.Password), time.GetUtcNow());
        db.Staff.Add(staff);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<StaffMemberDto>(staff);
    }
}
