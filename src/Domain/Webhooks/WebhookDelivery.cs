using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first attempt (or a re-send).</summary>
    Pending,

    /// <summary>A dispatcher holds it (with a lease) and is sending it now.</summary>
    Delivering,

    /// <summary>The last attempt failed; the next one is due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    RetryScheduled,

    Succeeded,

    /// <summary>Every attempt of its budget failed; nothing more happens until someone re-sends it.</summary>
    Dead,
}

/// <summary>
/// One event on its way to one subscription. Events of one complaint reach a subscription in order: a delivery is
/// sent only when no earlier one of the same complaint and subscription is still pending (dead ones do not block).
/// The dispatcher moves it through its states in SQL; people only look at it and re-send dead ones.
/// </summary>
public sealed class WebhookDelivery : Entity
{
    private WebhookDelivery()
    {
        EventType = string.Empty;
    }

    public Guid SubscriptionId { get; private set; }

    /// <summary>The outbox message (the event) delivered; its position orders deliveries.</summary>
    public long MessageId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    public Guid ComplaintId { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>Attempts made since it was created or last re-sent.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public Guid? LeaseId { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? DeadAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A dead delivery goes back to the queue with a fresh attempt budget.</summary>
    public void Resend(DateTimeOffset now)
    {
        if (Status != WebhookDeliveryStatus.Dead)
        {
            throw new DomainException("webhookDelivery.notDead", $"Only dead deliveries can be re-sent; this one is {Status}.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString() });
        }

        Status = WebhookDeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        DeadAt = null;
        LockedUntil = null;
        LeaseId = null;
    }
}

/// <summary>One HTTP attempt of a delivery and what the receiver answered.</summary>
public sealed class WebhookDeliveryAttempt
{
    public const int ResponseMaxLength = 2000;

    private WebhookDeliveryAttempt()
    {
    }

    public WebhookDeliveryAttempt(Guid deliveryId, DateTimeOffset at, TimeSpan duration, int? statusCode, string? error, string? responseBody)
    {
        DeliveryId = deliveryId;
        At = at;
        DurationMs = (int)Math.Min(int.MaxValue, Math.Round(duration.TotalMilliseconds));
        StatusCode = statusCode;
        Error = error is null ? null : error.Length <= ResponseMaxLength ? error : error[..ResponseMaxLength];
        ResponseBody = responseBody is null ? null : responseBody.Length <= ResponseMaxLength ? responseBody : responseBody[..ResponseMaxLength];
    }

    public long Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int DurationMs { get; private set; }

    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public string? ResponseBody { get; private set; }

    public bool Succeeded => StatusCode is >= 200 and < 300;
}
