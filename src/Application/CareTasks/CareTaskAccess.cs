using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CareTasks;

/// <summary>Which care tasks a list shows: all, the caller's open ones, open ones due today, or open ones past their day.</summary>
public enum CareTaskView
{
    All,
    Mine,
    DueToday,
    Overdue,
}

/// <summary>
/// Who sees which care tasks: the same people as see their complaint. Managers and admins: all. Other staff: the tasks
/// they own, the tasks of complaints they may see (their department's, supervisors' sub-departments', the ones they
/// took first or handle), and tasks with no complaint that nobody owns yet; supervisors also every task with no
/// complaint. Partners and anonymous callers: none. A task one may not see is "not found".
/// </summary>
internal static class CareTaskAccess
{
    public static async Task<IQueryable<CareTask>> VisibleCareTasksAsync(this IApplicationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var tasks = db.CareTasks.AsQueryable();
        if (user.Kind != CallerKind.Staff)
        {
            return tasks.Where(_ => false);
        }

        if (user.IsInRole(Role.Admin) || user.IsInRole(Role.Manager))
        {
            return tasks;
        }

        var complaints = await db.VisibleAsync(user, ct);
        var me = user.Id;
        var supervisor = user.IsInRole(Role.Supervisor);
        return tasks.Where(t => t.OwnerId == me
            || (t.ComplaintId != null ? complaints.Any(c => c.Id == t.ComplaintId) : t.OwnerId == null || supervisor));
    }

    public static async Task<CareTask> LoadCareTaskForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var task = await (await db.VisibleCareTasksAsync(user, ct)).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Care task", id);
        db.ExpectVersion(task, expectedVersion ?? throw new PreconditionRequiredException("care task"));
        return task;
    }

    public static async Task EnsureOwnerAsync(this IApplicationDbContext db, Guid? ownerId, CancellationToken ct)
    {
        if (ownerId is { } id && !await db.Staff.AnyAsync(s => s.Id == id && s.IsActive, ct))
        {
            throw new ValidationException("ownerId", "No active staff member has this id.");
        }
    }
}
