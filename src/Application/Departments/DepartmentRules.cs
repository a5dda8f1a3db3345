using CustomerCare.Application.Calendars;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments;

/// <summary>Checks that span departments (and so cannot live in one aggregate).</summary>
internal static class DepartmentRules
{
    /// <summary>
    /// Who heads a department: its named supervisor while active, else the longest-serving active supervisor working
    /// there, else nobody (null, as for no department).
    /// </summary>
    public static async Task<Guid?> SupervisorOfAsync(IApplicationDbContext db, Guid? departmentId, CancellationToken ct)
    {
        if (departmentId is not { } id)
        {
            return null;
        }

        var named = await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => d.SupervisorId).SingleOrDefaultAsync(ct);
        return named is { } supervisor && await db.Staff.AnyAsync(s => s.Id == supervisor && s.IsActive, ct)
            ? supervisor
            : await db.Staff.AsNoTracking().Where(s => s.IsActive && s.DepartmentId == id && s.Roles.Contains(Role.Supervisor))
                .OrderBy(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The calendar exists; the default one is stored as none (so that it follows the default).</summary>
    public static async Task<string?> EnsureCalendarAsync(ISettingsStore store, ISlaScheduleProvider schedules, string? name, CancellationToken ct)
    {
        if (name is null || name == CalendarNames.Default)
        {
            return null;
        }

        return await CalendarCatalog.FindAsync(store, schedules, name, ct) is not null
            ? name
            : throw new ValidationException("calendar", "No calendar has this name.");
    }

    public static async Task EnsureCodeIsFreeAsync(IApplicationDbContext db, string code, Guid? exceptId, CancellationToken ct)
    {
        var normalised = Department.NormaliseCode(code);
        if (await db.Departments.AnyAsync(d => d.Code == normalised && d.Id != exceptId, ct))
        {
            throw new DomainException("department.codeTaken", $"Another department already has the code '{normalised}'.");
        }
    }

    /// <summary>The parent exists, and making it the parent would not close a loop.</summary>
    public static async Task EnsureValidParentAsync(IApplicationDbContext db, Guid? parentId, Guid? departmentId, CancellationToken ct)
    {
        if (parentId is not { } id)
        {
            return;
        }

        var parents = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToDictionaryAsync(d => d.Id, d => d.ParentId, ct);
        if (!parents.ContainsKey(id))
        {
            throw new ValidationException("parentId", "No department has this id.");
        }

        for (Guid? current = id; current is { } c; current = parents.GetValueOrDefault(c))
        {
            if (c == departmentId)
            {
                throw new DomainException("department.parentCycle", "A department cannot be placed below itself or one of its sub-departments.");
            }
        }
    }

    public static async Task EnsureValidSupervisorAsync(IApplicationDbContext db, Guid? supervisorId, CancellationToken ct)
    {
        if (supervisorId is { } id && !await db.Staff.AnyAsync(s => s.Id == id && s.IsActive, ct))
        {
            throw new ValidationException("supervisorId", "No active staff member has this id.");
        }
    }
}
