using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Outbox;

/// <summary>
/// Every complaint timeline entry a SaveChanges appends becomes outbox messages in that same SaveChanges (so the same
/// transaction): one per webhook event type the entry stands for, with a partner's body beside the operator's when the
/// entry is public. Nothing is written when the save fails.
/// </summary>
public sealed class WriteOutboxInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Stage(context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Stage(context);
        }

        return base.SavingChanges(eventData, result);
    }

    private static void Stage(DbContext context)
    {
        var entries = context.ChangeTracker.Entries<TimelineEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.ComplaintId).ThenBy(e => e.Sequence)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var complaints = context.ChangeTracker.Entries<Complaint>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var outbox = context.Set<OutboxMessage>();
        foreach (var entry in entries)
        {
            if (!complaints.TryGetValue(entry.ComplaintId, out var complaint))
            {
                continue; // Entries are appended through their complaint, which is therefore tracked.
            }

            foreach (var type in WebhookEventTypes.For(entry.Kind, entry.FromStatus, entry.ToStatus))
            {
                var eventId = Guid.CreateVersion7();
                var payload = WebhookPayload.For(eventId, type, complaint, entry);
                outbox.Add(new OutboxMessage(eventId, type, complaint.Id, complaint.PartnerId, entry.At, payload.ToJson(),
                    TimelineVisibilities.Of(entry.Kind) == TimelineVisibility.Public ? payload.Public().ToJson() : null));
            }
        }
    }
}
