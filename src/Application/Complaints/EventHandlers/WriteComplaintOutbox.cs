using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints.Events;
using Mediator;

namespace CustomerCare.Application.Complaints.EventHandlers;

/// <summary>
/// Every complaint event becomes outbox messages in the same save (so the same transaction) as the change that raised
/// it: webhooks now, notifications next. Delivered after commit by the outbox workers; nothing is written when the save fails.
/// </summary>
public sealed class WriteComplaintOutbox(IApplicationDbContext db, IComplaintOutbox outbox) : INotificationHandler<ComplaintEvent>
{
    public async ValueTask Handle(ComplaintEvent notification, CancellationToken cancellationToken)
    {
        var complaint = await db.TrackedComplaintAsync(notification, cancellationToken);
        outbox.Enqueue(complaint, complaint.Timeline.Single(e => e.Sequence == notification.Sequence));
    }
}
