using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Staff;

/// <summary>Checks that span staff members (and so cannot live in one aggregate).</summary>
internal static class StaffRules
{
    public static async Task EnsureEmailIsFreeAsync(IApplicationDbContext db, string email, Guid? exceptId, CancellationToken ct)
    {
        var normalised = StaffMember.NormaliseEmail(email);
        if (await db.Staff.AnyAsync(s => s.Email == normalised && s.Id != exceptId, ct))
        {
            throw new DomainException("staff.emailTaken", "Another staff member already uses this e-mail address.");
        }
    }

    public static async Task EnsureActiveDepartmentAsync(IApplicationDbContext db, Guid departmentId, CancellationToken ct)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == departmentId && d.IsActive, ct))
        {
            throw new ValidationException("departmentId", "No active department has this id.");
        }
    }

    /// <summary>Someone must always be able to administer the system.</summary>
    public static async Task EnsureAnotherActiveAdminAsync(IApplicationDbContext db, Guid staffId, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id != staffId && s.IsActive && s.Roles.Contains(Role.Admin), ct))
        {
            throw new DomainException("staff.lastAdmin", "This is the last active administrator: make someone else an administrator first.");
        }
    }
}
