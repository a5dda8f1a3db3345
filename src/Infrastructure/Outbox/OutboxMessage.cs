namespace CustomerCare.Infrastructure.Outbox;

/// <summary>
/// An event for the world outside, written in the same transaction as the change it reports: it exists if and only
/// if that change committed. The fan-out turns it into one delivery per subscription that wants it.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        EventType = string.Empty;
        Payload = string.Empty;
    }

    public OutboxMessage(Guid eventId, string eventType, Guid complaintId, Guid? partnerId, DateTimeOffset occurredAt, string payload, string? publicPayload)
    {
        PublicPayload = publicPayload;
        EventId = eventId;
        EventType = eventType;
        ComplaintId = complaintId;
        PartnerId = partnerId;
        OccurredAt = occurredAt;
        Payload = payload;
    }

    /// <summary>Assigned by the database in insert order; orders the events of one complaint.</summary>
    public long Id { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    public Guid ComplaintId { get; private set; }

    /// <summary>The partner the complaint came from: its subscriptions, and the operator's, hear of it.</summary>
    public Guid? PartnerId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The JSON body the operator's receivers get.</summary>
    public string Payload { get; private set; }

    /// <summary>
    /// The JSON body a partner's receivers get: the same event without staff-only fields. Null for an event of an internal
    /// timeline entry, which partners do not hear of at all.
    /// </summary>
    public string? PublicPayload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The W3C trace context of the change that wrote it (<c>00-trace-span-flags</c>), if it ran in one, stamped by
    /// <see cref="Data.Interceptors.TraceContextInterceptor"/>: its deliveries, minutes later and on any replica, continue
    /// that trace and send it on as <c>traceparent</c>.
    /// </summary>
    public string? TraceParent { get; private set; }

    /// <summary>When its deliveries were created; null while waiting for the fan-out.</summary>
    public DateTimeOffset? FannedOutAt { get; private set; }
}
