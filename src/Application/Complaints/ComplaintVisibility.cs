using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// Which complaints a staff member sees: all, or those of <see cref="Departments"/>, those not yet routed, and those
/// <see cref="StaffId"/> took first or handles.
/// </summary>
public sealed record ComplaintVisibility(bool Everything, IReadOnlyList<Guid> Departments, Guid? StaffId)
{
    public static readonly ComplaintVisibility All = new(true, [], null);
}

/// <summary>
/// Who sees which complaints. Partners: the ones they sent. Managers and admins: all. Supervisors: their
/// department's and its sub-departments'. Other staff: their department's, the ones they took first or handle,
/// and those not yet routed to any department (the intake queue). A complaint one may not see is "not found".
/// </summary>
internal static class VisibleComplaints
{
    public static async Task<IQueryable<Complaint>> VisibleAsync(this IApplicationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var complaints = db.Complaints.AsQueryable();
        switch (user.Kind)
        {
            case CallerKind.Partner:
                return complaints.Where(c => c.PartnerId == user.Id);
            case CallerKind.Staff when user.IsInRole(Role.Admin) || user.IsInRole(Role.Manager):
                return complaints;
            case CallerKind.Staff:
                var departments = await DepartmentsOfAsync(db, user, ct);
                var me = user.Id;
                return complaints.Where(c => c.ResponsibleDepartmentId == null
                    || departments.Contains(c.ResponsibleDepartmentId.Value) || c.FirstResponderId == me || c.AssigneeId == me);
            default:
                return complaints.Where(_ => false);
        }
    }

    /// <summary>The same rule as <see cref="VisibleAsync"/>, as data, for queries written in SQL (reports).</summary>
    public static async Task<ComplaintVisibility> VisibilityAsync(this IApplicationDbContext db, ICurrentUser user, CancellationToken ct) => user.Kind switch
    {
        CallerKind.Staff when user.IsInRole(Role.Admin) || user.IsInRole(Role.Manager) => ComplaintVisibility.All,
        CallerKind.Staff => new ComplaintVisibility(false, await DepartmentsOfAsync(db, user, ct), user.Id),
        _ => new ComplaintVisibility(false, [], null),
    };

    private static async Task<List<Guid>> DepartmentsOfAsync(IApplicationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (user.DepartmentId is not { } own)
        {
            return [];
        }

        if (!user.IsInRole(Role.Supervisor))
        {
            return [own];
        }

        var tree = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync(ct);
        var result = new List<Guid> { own };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(tree.Where(d => d.ParentId == result[i] && !result.Contains(d.Id)).Select(d => d.Id));
        }

        return result;
    }
}
