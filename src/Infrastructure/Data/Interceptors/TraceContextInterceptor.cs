using CustomerCare.Domain.Notifications;
using CustomerCare.Infrastructure.Diagnostics;
using CustomerCare.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Stamps what a save adds for later delivery — outbox messages and notifications (for these a shadow column: the domain
/// knows nothing of traces) — with the trace context the save runs in, so that delivering them, later and on any
/// replica, continues the trace of the change that caused them. Runs after the domain events' handlers, which add them.
/// </summary>
public sealed class TraceContextInterceptor : SaveChangesInterceptor
{
    public const string TraceParent = "TraceParent";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TraceContext.Current() is { } trace)
        {
            using var _ = context.ChangeTracker.PauseAutoDetect(); // only added entities, tracked as added when they were added
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State == EntityState.Added && entry.Entity is Notification or OutboxMessage)
                {
                    entry.Property(TraceParent).CurrentValue = trace;
                }
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
