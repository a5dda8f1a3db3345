using CustomerCare.Domain.Notifications;
using CustomerCare.Infrastructure.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Stamps the notifications a save adds with the trace context the save runs in (a shadow column: the domain knows
/// nothing of traces), so that sending them, later and on any replica, continues the trace of the change that planned
/// them. Runs after the domain events' handlers, which plan them.
/// </summary>
public sealed class TraceContextInterceptor : SaveChangesInterceptor
{
    public const string TraceParent = "TraceParent";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TraceContext.Current() is { } trace)
        {
            var tracker = context.ChangeTracker;
            var detect = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false; // only added notifications, tracked as added when they were added
            try
            {
                foreach (var entry in tracker.Entries<Notification>())
                {
                    if (entry.State == EntityState.Added)
                    {
                        entry.Property(TraceParent).CurrentValue = trace;
                    }
                }
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detect;
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
