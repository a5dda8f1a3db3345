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
            // 500-row import batch tracks about 5,000), twice per save. A new or modified complaint needs no walk: it
            // is saved whatever else changed in it. An unchanged one is walked to learn whether the command modified
            // it. The clocks TrackSla starts are found by the full DetectChanges every save still makes after the
            // interceptors (COPY's in a bulk save, EF Core's own otherwise), so they are not walked here.
            using var _ = context.ChangeTracker.PauseAutoDetect();
            var complaints = new List<Complaint>();
            foreach (var entry in context.ChangeTracker.Entries<Complaint>().ToList())
            {
                if (entry.State == EntityState.Unchanged)
                {
                    entry.DetectChanges();
                }

                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    complaints.Add(entry.Entity);
                }
            }

            var now = time.GetUtcNow();
            foreach (var complaint in complaints)
            {
                complaint.TrackSla(await schedules.GetForDepartmentAsync(complaint.ResponsibleDepartmentId, cancellationToken), now);
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
