using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Webhooks;
using CustomerCare.Infrastructure.Data;

namespace CustomerCare.Infrastructure.Outbox;

/// <summary>
/// Stages the outbox messages of a complaint's timeline entry in the unit of work being saved: one per webhook event type
/// the entry stands for, with a partner's body beside the operator's when the entry is public.
/// </summary>
public sealed class ComplaintOutbox(CustomerCareDbContext db) : IComplaintOutbox
{
    public void Enqueue(Complaint complaint, TimelineEntry entry)
    {
        foreach (var type in WebhookEventTypes.For(entry.Kind, entry.FromStatus, entry.ToStatus))
        {
            var eventId = Guid.CreateVersion7();
            var payload = WebhookPayload.For(eventId, type, complaint, entry);
            db.OutboxMessages.Add(new OutboxMessage(eventId, type, complaint.Id, complaint.PartnerId, entry.At, payload.ToJson(),
                TimelineVisibilities.Of(entry.Kind) == TimelineVisibility.Public ? payload.Public().ToJson() : null));
        }
    }
}
