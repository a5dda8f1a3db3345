using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
            // Only complaints are looked at, each on its own: a full DetectChanges here walked every tracked entity (a
            // 500-row import batch tracks about 5,000), twice per save.
            using var _ = context.ChangeTracker.PauseAutoDetect();
            var complaints = new List<EntityEntry<Complaint>>();
            foreach (var entry in context.ChangeTracker.Entries<Complaint>().ToList())
            {
                entry.DetectChanges();
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    complaints.Add(entry);
                }
            }

            var now = time.GetUtcNow();
            foreach (var entry in complaints)
            {
                entry.Entity.TrackSla(await schedules.GetForDepartmentAsync(entry.Entity.ResponsibleDepartmentId, cancellationToken), now);
                entry.DetectChanges(); // its clocks: started, stopped or new ones tracked
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
