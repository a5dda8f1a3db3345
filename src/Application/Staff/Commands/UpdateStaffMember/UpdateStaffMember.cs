using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Staff.Queries.GetStaffMember;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Staff.Commands.UpdateStaffMember;

/// <summary>Replaces a staff member's name, e-mail, department and roles. A change of roles or department ends their sessions.</summary>
/// <summary>A staff member's name, e-mail, department and roles.</summary>
public sealed record UpdateStaffMemberInput(
    string Name,
    string Email,
    Guid? DepartmentId,
    IReadOnlyList<Role> Roles);

public sealed record UpdateStaffMemberCommand(Guid Id, UpdateStaffMemberInput Input, uint? ExpectedVersion) : ICommand<StaffMemberDto>;

public sealed class UpdateStaffMemberCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<UpdateStaffMemberCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(UpdateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Staff member", command.Id);
        db.ExpectVersion(staff, command.ExpectedVersion);

        await StaffRules.EnsureEmailIsFreeAsync(db, command.Input.Email, staff.Id, cancellationToken);
        if (command.Input.DepartmentId!.Value != staff.DepartmentId)
        {
            await StaffRules.EnsureActiveDepartmentAsync(db, command.Input.DepartmentId!.Value, cancellationToken);
        }

        if (staff.IsActive && staff.HasRole(Role.Admin) && !command.Input.Roles.Contains(Role.Admin))
        {
            await StaffRules.EnsureAnotherActiveAdminAsync(db, staff.Id, cancellationToken);
        }

        staff.Update(command.Input.Name, command.Input.Email, command.Input.DepartmentId!.Value, command.Input.Roles, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<StaffMemberDto>(staff);
    }
}
