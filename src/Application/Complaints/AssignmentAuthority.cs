using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// Who assigns and transfers (部门负责人应在2小时内指派): supervisors of the department responsible for the complaint
/// (by role in that department, or named its supervisor), managers and administrators; anyone when the operator lets
/// agents assign (<see cref="ComplaintOptions.AgentsMayAssign"/>). A complaint no department has yet is any supervisor's.
/// </summary>
internal static class AssignmentAuthority
{
    public static async Task<bool> MayAssignAsync(IApplicationDbContext db, ICurrentUser user, Complaint complaint, ComplaintOptions options, CancellationToken ct)
    {
        if (options.AgentsMayAssign || user.IsInRole(Role.Admin) || user.IsInRole(Role.Manager))
        {
            return true;
        }

        if (!user.IsInRole(Role.Supervisor))
        {
            return false;
        }

        return complaint.ResponsibleDepartmentId is not { } department
            || user.DepartmentId == department
            || await db.Departments.AnyAsync(d => d.Id == department && d.SupervisorId == user.Id, ct);
    }

    public static async Task EnsureMayAssignAsync(IApplicationDbContext db, ICurrentUser user, Complaint complaint, ComplaintOptions options, CancellationToken ct)
    {
        if (!await MayAssignAsync(db, user, complaint, options, ct))
        {
            throw new ForbiddenException("Only a supervisor of the responsible department, a manager or an administrator assigns or transfers a complaint; its handler may return it to the department's queue.");
        }
    }
}
