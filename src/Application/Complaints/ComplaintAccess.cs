using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Queries;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Organisation;
using AutoMapper;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// Who sees which complaints. Partners: the ones they sent. Managers and admins: all. Supervisors: their
/// department's and its sub-departments'. Other staff: their department's, the ones they took first or handle,
/// and those not yet routed to any department (the intake queue). A complaint one may not see is "not found".
/// </summary>
internal static class ComplaintAccess
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

    /// <summary>Loads a complaint the caller may see, for a change made against the version they read.</summary>
    public static async Task<Complaint> LoadForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var complaint = await (await db.VisibleAsync(user, ct)).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Complaint", id);
        db.ExpectVersion(complaint, expectedVersion ?? throw new PreconditionRequiredException("complaint"));
        return complaint;
    }

    /// <summary>Partners (and, later, customers) read only public timeline entries and public fields; staff read everything.</summary>
    public static bool ReadsPublicOnly(this ICurrentUser user) => user.Kind != CallerKind.Staff;

    public static Actor Actor(this ICurrentUser user) => user.Kind switch
    {
        CallerKind.Staff => Domain.Complaints.Actor.Staff(user.Id!.Value),
        CallerKind.Partner => Domain.Complaints.Actor.Partner(user.Id!.Value),
        _ => Domain.Complaints.Actor.System,
    };

    public static ComplaintDto ToDto(this IMapper mapper, Complaint complaint, ICurrentUser user, DateTimeOffset now)
    {
        var dto = mapper.Map<ComplaintDto>(complaint);
        dto.AllowedActions = user.Kind == CallerKind.Staff ? complaint.AllowedActions : [];
        dto.Sla = complaint.SlaClocks.OrderBy(c => c.Milestone)
            .Select(c => new SlaClockDto(c.Milestone, c.StartedAt, c.DueAt, c.MetAt, c.StateAt(now), c.BreachedAt, c.PausedAt, c.PauseReason))
            .ToList();
        return user.ReadsPublicOnly() ? dto.ForPublic() : dto;
    }

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

/// <summary>
/// Which complaints a staff member sees: all, or those of <see cref="Departments"/>, those not yet routed, and those
/// <see cref="StaffId"/> took first or handles.
/// </summary>
public sealed record ComplaintVisibility(bool Everything, IReadOnlyList<Guid> Departments, Guid? StaffId)
{
    public static readonly ComplaintVisibility All = new(true, [], null);
}
