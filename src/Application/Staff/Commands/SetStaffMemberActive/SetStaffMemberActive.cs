using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Staff.Queries.GetStaffMember;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Staff.Commands.SetStaffMemberActive;

/// <summary>
/// Deactivates (or reactivates) a staff member. Never a hard delete: they appear in timelines. Deactivation
/// ends their sessions at once.
/// </summary>
public sealed record SetStaffMemberActiveCommand(Guid Id, bool Active) : ICommand<StaffMemberDto>;

public sealed class SetStaffMemberActiveCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<SetStaffMemberActiveCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(SetStaffMemberActiveCommand command, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Staff member", command.Id);
        var now = time.GetUtcNow();
        if (command.Active)
        {
            await StaffRules.EnsureActiveDepartmentAsync(db, staff.DepartmentId, cancellationToken);
            staff.Activate(now);
        }
        else
        {
            if (staff.Id == user.Id)
            {
                throw new DomainException("staff.selfDeactivation", "You cannot deactivate yourself.");
            }

            if (staff.IsActive && staff.HasRole(Role.Admin))
            {
                await StaffRules.EnsureAnotherActiveAdminAsync(db, staff.Id, cancellationToken);
            }

            staff.Deactivate(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<StaffMemberDto>(staff);
    }
}
