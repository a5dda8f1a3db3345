using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Before any complaint is saved, its service-level clocks are brought in step with it, whichever command changed it, on
/// the calendar of the department responsible for it now.
/// </summary>
public sealed class TrackSlaInterceptor(ISlaScheduleProvider schedules, TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var complaints = context.ChangeTracker.Entries<Complaint>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
                .Select(e => e.Entity)
                .ToList();
            if (complaints.Count > 0)
            {
                var now = time.GetUtcNow();
                foreach (var complaint in complaints)
                {
                    complaint.TrackSla(await schedules.GetForDepartmentAsync(complaint.ResponsibleDepartmentId, cancellationToken), now);
                }

                context.ChangeTracker.DetectChanges();
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
