using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Complaints.Events;

namespace CustomerCare.Application.Complaints.EventHandlers;

internal static class TrackedComplaints
{
    /// <summary>
    /// The complaint that raised <paramref name="domainEvent"/>. Events are handled inside the save of the unit of work that
    /// changed it, so it is tracked: found without a query.
    /// </summary>
    public static async ValueTask<Complaint> TrackedComplaintAsync(this IApplicationDbContext db, ComplaintEvent domainEvent, CancellationToken ct) =>
        await db.Complaints.FindAsync([domainEvent.ComplaintId], ct)
        ?? throw new InvalidOperationException($"Complaint {domainEvent.ComplaintId} raised {domainEvent.GetType().Name} but is not in this unit of work.");
}
