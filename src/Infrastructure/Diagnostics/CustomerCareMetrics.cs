using System.Diagnostics.Metrics;

namespace CustomerCare.Infrastructure.Diagnostics;

/// <summary>
/// The business instruments of CustomerCare, on the meter <see cref="MeterName"/> (exported by OpenTelemetry; in
/// Prometheus form <c>customercare_…</c>, counters ending in <c>_total</c>, durations in <c>_seconds</c>). Their names
/// and units are a contract with dashboards and alert rules (deploy/prometheus/alerts.yml): never renamed, only added to.
/// Label values come from closed sets (channels, milestones, severities, timeline kinds, outcomes): never an id, a
/// number, a name or free text.
/// </summary>
public sealed class CustomerCareMetrics
{
    public const string MeterName = "CustomerCare";

    private readonly Counter<long> _received;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _slaAtRisk;
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _notificationDeliveries;
    private readonly Histogram<double> _notificationDuration;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _lockouts;
    private volatile QueueSnapshot _queues = new([], [], Ready: false, At: DateTimeOffset.MinValue);

    public CustomerCareMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("customercare.complaints.received", "{complaint}",
            "Complaints received (committed), by channel and source (partner or staff).");
        _transitions = meter.CreateCounter<long>("customercare.complaints.transitions", "{transition}",
            "Status changes of complaints (committed), by action: the timeline entry that made them.");
        _slaAtRisk = meter.CreateCounter<long>("customercare.sla.at_risk", "{clock}",
            "SLA clocks noted at risk, by milestone and severity.");
        _slaBreaches = meter.CreateCounter<long>("customercare.sla.breaches", "{clock}",
            "SLA clocks noted breached, by milestone and severity.");
        _webhookDeliveries = meter.CreateCounter<long>("customercare.webhook.deliveries", "{delivery}",
            "Webhook deliveries recorded, by outcome: succeeded, retried (another attempt scheduled) or dead.");
        _webhookDuration = meter.CreateHistogram<double>("customercare.webhook.delivery.duration", "s",
            "Time of each attempt to send a webhook, by outcome (succeeded or failed).");
        _notificationDeliveries = meter.CreateCounter<long>("customercare.notification.deliveries", "{notification}",
            "Notification send attempts recorded, by channel and outcome: sent, retried (another attempt scheduled) or dead.");
        _notificationDuration = meter.CreateHistogram<double>("customercare.notification.delivery.duration", "s",
            "Time of each send of a notification (its in-pass retries included), by channel and outcome (sent or failed).");
        _replays = meter.CreateCounter<long>("customercare.idempotency.replays", "{request}",
            "Requests answered from an Idempotency-Key's stored response instead of being processed again.");
        _rateLimited = meter.CreateCounter<long>("customercare.rate_limit.refusals", "{request}",
            "Requests refused with 429 by the caller rate limits, by caller kind (partner, user, anonymous).");
        _signInFailures = meter.CreateCounter<long>("customercare.sign_in.failures", "{attempt}",
            "Wrong passwords (or unknown accounts) in staff sign-ins and password changes, by kind (sign_in, password_change).");
        _lockouts = meter.CreateCounter<long>("customercare.sign_in.lockouts", "{lockout}",
            "Lockouts begun, by what was locked: account, ip (a client address) or password (a staff member's password change).");
        meter.CreateObservableGauge("customercare.queue.backlog", () => _queues.Queues.Select(q =>
                new Measurement<long>(q.Waiting, new KeyValuePair<string, object?>("queue", q.Name))), "{item}",
            "Work waiting, by queue: outbox (events not yet fanned out), webhooks and notifications (deliveries not yet done).");
        meter.CreateObservableGauge("customercare.queue.lag", () => _queues.Queues.Select(q =>
                new Measurement<double>(q.OldestSeconds, new KeyValuePair<string, object?>("queue", q.Name))), "s",
            "Age of the oldest item waiting in each queue (0 when none waits).");
        meter.CreateObservableGauge("customercare.complaints.open", () => _queues.Open.Select(o =>
                new Measurement<long>(o.Count, new KeyValuePair<string, object?>("status", o.Status))), "{complaint}",
            "Complaints not yet closed, by status (received, registered, investigated, solution, resolved), as last counted.");
        meter.CreateObservableGauge("customercare.database.ready", () => _queues.Ready ? 1 : 0, "{ready}",
            "1 when this replica's last look at the database (every CustomerCare:Metrics:GaugeInterval) succeeded, else 0.");
    }

    /// <summary>One queue's backlog as last measured.</summary>
    public sealed record Queue(string Name, long Waiting, double OldestSeconds);

    /// <summary>How many complaints are in one open status, as last counted.</summary>
    public sealed record OpenComplaints(string Status, long Count);

    private sealed record QueueSnapshot(IReadOnlyList<Queue> Queues, IReadOnlyList<OpenComplaints> Open, bool Ready, DateTimeOffset At);

    /// <summary>What the gauges report until the next look (<see cref="OperationalGaugesWorker"/>).</summary>
    public void Observed(IReadOnlyList<Queue> queues, IReadOnlyList<OpenComplaints> open, DateTimeOffset at) =>
        _queues = new QueueSnapshot(queues, open, Ready: true, at);

    /// <summary>The database could not be asked: the queue gauges keep their last values, readiness drops to 0.</summary>
    public void DatabaseUnreachable(DateTimeOffset at) => _queues = _queues with { Ready = false, At = at };

    /// <summary>What one outbox event fanned out says, as far as the instruments need it.</summary>
    public sealed record FannedOutEvent(string EventType, string? Kind, string? Channel, string? Milestone, string? Severity, bool FromPartner);

    /// <summary>
    /// Counts the events of committed changes once, when the outbox fans them out (one replica at a time): a rolled-back
    /// request counts nothing, and no replica counts what another did.
    /// </summary>
    public void Record(IEnumerable<FannedOutEvent> events)
    {
        foreach (var e in events)
        {
            switch (e.EventType)
            {
                case Domain.Webhooks.WebhookEventTypes.Received:
                    _received.Add(1, new("channel", e.Channel ?? "unknown"), new("source", e.FromPartner ? "partner" : "staff"));
                    break;
                case Domain.Webhooks.WebhookEventTypes.StatusChanged:
                    _transitions.Add(1, new KeyValuePair<string, object?>("action", e.Kind ?? "unknown"));
                    break;
                case Domain.Webhooks.WebhookEventTypes.SlaAtRisk:
                    _slaAtRisk.Add(1, new("milestone", e.Milestone ?? "unknown"), new("severity", e.Severity ?? "unknown"));
                    break;
                case Domain.Webhooks.WebhookEventTypes.SlaBreached:
                    _slaBreaches.Add(1, new("milestone", e.Milestone ?? "unknown"), new("severity", e.Severity ?? "unknown"));
                    break;
            }
        }
    }

    public void WebhookAttempt(TimeSpan duration, bool succeeded) =>
        _webhookDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void WebhookDelivery(string outcome) => _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void NotificationAttempt(string channel, TimeSpan duration, bool sent) =>
        _notificationDuration.Record(duration.TotalSeconds, new("channel", channel), new("outcome", sent ? "sent" : "failed"));

    public void NotificationDelivery(string channel, string outcome) =>
        _notificationDeliveries.Add(1, new("channel", channel), new("outcome", outcome));

    public void IdempotentReplay() => _replays.Add(1);

    public void RateLimited(string callerKind) => _rateLimited.Add(1, new KeyValuePair<string, object?>("caller", callerKind));

    public void SignInFailed(bool passwordChange) =>
        _signInFailures.Add(1, new KeyValuePair<string, object?>("kind", passwordChange ? "password_change" : "sign_in"));

    /// <summary>A lockout of a throttle key began; the label is the key's kind (the part before its colon), never the key.</summary>
    public void LockedOut(string key) => _lockouts.Add(1, new KeyValuePair<string, object?>("scope", key.Split(':', 2)[0]));
}
