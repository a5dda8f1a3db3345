using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Departments;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// Re-complaints go up (复投诉): one is routed to a supervisor of the department one level up the tree (the department's
/// named supervisor, else a supervisor working there), or to a manager when there is no level up; and only staff at
/// or above its escalation level act on it: level 1 a supervisor, level 2 and above a manager (administrators always).
/// </summary>
internal static class EscalationAuthority
{
    /// <summary>The rank of a staff member: 0 for agents and specialists, 1 supervisor, 2 manager, 3 administrator.</summary>
    public static int RankOf(ICurrentUser user) =>
        user.IsInRole(Role.Admin) ? 3 : user.IsInRole(Role.Manager) ? 2 : user.IsInRole(Role.Supervisor) ? 1 : 0;

    public static void EnsureMayAct(ICurrentUser user, Complaint complaint)
    {
        if (user.Kind == CallerKind.Staff && complaint.ReComplaintOfId is not null && RankOf(user) < Math.Min(complaint.EscalationLevel, 2))
        {
            throw new ForbiddenException(complaint.EscalationLevel >= 2
                ? "This re-complaint is escalated to a manager: a manager acts on it."
                : "This re-complaint is escalated one level up: a supervisor or a manager acts on it.");
        }
    }

    /// <summary>Where a re-complaint of a complaint last with <paramref name="departmentId"/> goes: the parent and its supervisor, else a manager.</summary>
    public static async Task<(Guid? DepartmentId, Guid? HandlerId)> RouteUpAsync(IApplicationDbContext db, Guid? departmentId, CancellationToken ct)
    {
        var parent = departmentId is { } id
            ? await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => d.ParentId).SingleOrDefaultAsync(ct)
            : null;
        if (parent is { } up && await db.Departments.AnyAsync(d => d.Id == up && d.IsActive, ct))
        {
            return (up, await DepartmentRules.SupervisorOfAsync(db, up, ct));
        }

        var manager = await db.Staff.AsNoTracking().Where(s => s.IsActive && s.Roles.Contains(Role.Manager))
            .OrderBy(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return (departmentId, manager);
    }
}
