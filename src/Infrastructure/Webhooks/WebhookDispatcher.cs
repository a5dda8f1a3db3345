using System.Diagnostics;
using System.Text;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Webhooks;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CustomerCare.Infrastructure.Webhooks;

public sealed record WebhookPassResult(int FannedOut, int Claimed, int Succeeded, int Failed, int Dead);

/// <summary>
/// One pass of webhook delivery: turns new outbox messages into deliveries (one replica at a time, under a
/// transaction-scoped advisory lock, so their order is the outbox's), then claims due deliveries with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease, sends them, and records each attempt. A delivery is claimed only when
/// no earlier one for the same complaint and subscription is still waiting, so each receiver gets a complaint's
/// events in order. The lease is short and renewed while the batch is being sent (<see cref="DeliveryLease"/>): a replica
/// that dies mid-send leaves its deliveries to others within one lease duration (at least once), and a replica that
/// cannot renew stops sending before its lease runs out, so two replicas never send the same delivery at once.
/// </summary>
public sealed partial class WebhookDispatcher(
    CustomerCareDbContext db, WebhookSender sender, IOptionsMonitor<WebhookOptions> options, CustomerCareMetrics metrics, ILogger<WebhookDispatcher> logger)
{
    private const int FanOutBatch = 500;

    public async Task<WebhookPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var fannedOut = await FanOutAsync(cancellationToken);
        var settings = options.CurrentValue;
        var claimedAt = Stopwatch.GetTimestamp();
        var claimed = await db.Database.SqlQueryRaw<ClaimedDelivery>(
            """
            WITH due AS (
                SELECT d.id
                FROM webhook_deliveries d
                JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.is_active
                WHERE ((d.status IN ('Pending', 'RetryScheduled') AND d.next_attempt_at <= now())
                       OR (d.status = 'Delivering' AND d.locked_until <= now()))
                  AND NOT EXISTS (
                      SELECT 1 FROM webhook_deliveries e
                      WHERE e.subscription_id = d.subscription_id AND e.complaint_id = d.complaint_id
                        AND e.message_id < d.message_id AND e.status IN ('Pending', 'RetryScheduled', 'Delivering'))
                ORDER BY d.message_id
                LIMIT {0}
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d
            SET status = 'Delivering', locked_until = now() + {1}, lease_id = gen_random_uuid()
            FROM due
            WHERE d.id = due.id
            RETURNING d.id, d.lease_id
            """,
            settings.BatchSize, settings.LeaseDuration).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return new WebhookPassResult(fannedOut, 0, 0, 0, 0);
        }

        var ids = claimed.Select(c => c.Id).ToList();
        var work = await (
            from d in db.WebhookDeliveries.AsNoTracking()
            join s in db.WebhookSubscriptions.AsNoTracking() on d.SubscriptionId equals s.Id
            join m in db.OutboxMessages.AsNoTracking() on d.MessageId equals m.Id
            where ids.Contains(d.Id)
            select new { d.Id, d.EventType, d.Attempts, SubscriptionId = s.Id, s.Url, s.Secret, Payload = s.PartnerId == null ? m.Payload : m.PublicPayload!, m.TraceParent })
            .ToListAsync(cancellationToken);
        var leases = claimed.ToDictionary(c => c.Id, c => c.LeaseId);

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(Guid Id, Guid Lease, int Attempts, SendResult Result)>();
        await using (var lease = DeliveryLease.Hold(db, [.. leases.Values], settings.LeaseDuration, claimedAt, logger))
        {
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            try
            {
                await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = sending.Token },
                    async (item, ct) =>
                    {
                        // The delivery continues the trace of the change that wrote its event; the HTTP call sends it on.
                        using var activity = TraceContext.Continue("webhook delivery", item.TraceParent);
                        activity?.SetTag("customercare.webhook.event_type", item.EventType);
                        var result = await sender.SendAsync(item.SubscriptionId, new Uri(item.Url), item.Secret, item.Id, item.EventType,
                            Encoding.UTF8.GetBytes(item.Payload), settings.MaxAttempts - item.Attempts, ct);
                        outcomes.Add((item.Id, leases[item.Id], item.Attempts, result));
                    });
            }
            catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The lease could not be renewed in time, so another replica may claim these deliveries now: stop sending.
                // What was sent is recorded below; the rest is sent again by whoever claims it next (at least once).
                LogLeaseLost(logger, claimed.Count - outcomes.Count);
            }
        }

        int succeeded = 0, failed = 0, dead = 0;
        foreach (var (id, lease, previous, result) in outcomes)
        {
            var state = await RecordAsync(id, lease, previous, result, settings, cancellationToken);
            foreach (var attempt in result.Attempts)
            {
                metrics.WebhookAttempt(attempt.Duration, attempt.Succeeded);
            }

            metrics.WebhookDelivery(state switch
            {
                WebhookDeliveryStatus.Succeeded => "succeeded",
                WebhookDeliveryStatus.Dead => "dead",
                _ => "retried",
            });
            switch (state)
            {
                case WebhookDeliveryStatus.Succeeded:
                    succeeded++;
                    break;
                case WebhookDeliveryStatus.Dead:
                    dead++;
                    LogDead(logger, id, result.Attempts.Count + previous);
                    break;
                default:
                    failed++;
                    break;
            }
        }

        return new WebhookPassResult(fannedOut, claimed.Count, succeeded, failed, dead);
    }

    /// <summary>Deletes succeeded deliveries, and events with no delivery left, older than the retention.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var retention = options.CurrentValue.Retention;
        var deliveries = await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM webhook_deliveries WHERE status = 'Succeeded' AND delivered_at < now() - {0}", [retention], cancellationToken);
        var messages = await db.Database.ExecuteSqlRawAsync(
            """
            DELETE FROM outbox_messages m
            WHERE m.fanned_out_at IS NOT NULL AND m.created_at < now() - {0}
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.message_id = m.id)
            """, [retention], cancellationToken);
        return deliveries + messages;
    }

    private async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database.SqlQueryRaw<bool>(
                "SELECT pg_try_advisory_xact_lock(hashtext('customercare.webhooks.fan-out')) AS \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                return 0; // another replica is fanning out right now
            }

            var fannedOut = new List<CustomerCareMetrics.FannedOutEvent>();
            int count;
            do
            {
                var batch = await db.Database.SqlQueryRaw<FannedOutRow>(
                    """
                    WITH batch AS (
                        SELECT id, event_id, event_type, complaint_id, partner_id, public_payload
                        FROM outbox_messages WHERE fanned_out_at IS NULL ORDER BY id LIMIT {0}),
                    created AS (
                        INSERT INTO webhook_deliveries (id, subscription_id, message_id, event_id, event_type, complaint_id,
                                                        status, attempts, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), s.id, b.id, b.event_id, b.event_type, b.complaint_id, 'Pending', 0, now(), now()
                        FROM batch b
                        JOIN webhook_subscriptions s
                          ON s.is_active AND b.event_type = ANY (s.event_types)
                         AND (s.partner_id IS NULL OR (s.partner_id = b.partner_id AND b.public_payload IS NOT NULL))
                        ON CONFLICT (subscription_id, message_id) DO NOTHING)
                    UPDATE outbox_messages m SET fanned_out_at = now() FROM batch WHERE m.id = batch.id
                    RETURNING m.event_type, m.payload -> 'data' ->> 'kind' AS kind, m.payload -> 'data' ->> 'channel' AS channel,
                              m.payload -> 'data' ->> 'milestone' AS milestone, m.payload -> 'data' ->> 'severity' AS severity,
                              m.partner_id IS NOT NULL AS from_partner
                    """, FanOutBatch).ToListAsync(ct);
                count = batch.Count;
                fannedOut.AddRange(batch.Select(r => new CustomerCareMetrics.FannedOutEvent(r.EventType, r.Kind, r.Channel, r.Milestone, r.Severity, r.FromPartner)));
            }
            while (count == FanOutBatch);

            await transaction.CommitAsync(ct);
            metrics.Record(fannedOut);
            return fannedOut.Count;
        }, cancellationToken);
    }

    internal sealed class FannedOutRow
    {
        public string EventType { get; set; } = "";

        public string? Kind { get; set; }

        public string? Channel { get; set; }

        public string? Milestone { get; set; }

        public string? Severity { get; set; }

        public bool FromPartner { get; set; }
    }

    private async Task<WebhookDeliveryStatus> RecordAsync(Guid id, Guid lease, int previous, SendResult result, WebhookOptions settings, CancellationToken ct)
    {
        var attempts = previous + result.Attempts.Count;
        var last = result.Attempts.Count > 0 ? result.Attempts[^1] : null;
        var (status, wait) = result switch
        {
            { Succeeded: true } => (WebhookDeliveryStatus.Succeeded, TimeSpan.Zero),
            _ when attempts >= settings.MaxAttempts => (WebhookDeliveryStatus.Dead, TimeSpan.Zero),
            { CircuitOpen: true, Attempts.Count: 0 } => (WebhookDeliveryStatus.RetryScheduled, result.RetryAfter ?? settings.BreakerBreakDuration),
            _ => (WebhookDeliveryStatus.RetryScheduled, Backoff(attempts, settings)),
        };
        var error = last is null
            ? "The receiver's circuit is open after repeated failures; not attempted."
            : last.Succeeded ? null : last.Error ?? $"The receiver answered {last.StatusCode}.";

        foreach (var attempt in result.Attempts)
        {
            db.WebhookDeliveryAttempts.Add(new WebhookDeliveryAttempt(id, attempt.At, attempt.Duration, attempt.StatusCode, attempt.Error, attempt.ResponseBody));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var updated = await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE webhook_deliveries
                SET status = {0}, attempts = {1}, next_attempt_at = now() + {2}, locked_until = NULL, lease_id = NULL,
                    last_status_code = COALESCE({3}, last_status_code), last_error = {4},
                    delivered_at = CASE WHEN {0} = 'Succeeded' THEN now() END,
                    dead_at = CASE WHEN {0} = 'Dead' THEN now() END
                WHERE id = {5} AND lease_id = {6}
                """,
                [status.ToString(), attempts, wait,
                    new NpgsqlParameter("status_code", NpgsqlDbType.Integer) { Value = (object?)last?.StatusCode ?? DBNull.Value },
                    new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value }, id, lease], token);
            if (updated == 1)
            {
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
            }

            await transaction.CommitAsync(token);
        }, ct);
        db.ChangeTracker.Clear();
        return status;
    }

    /// <summary>The wait before a delivery's next attempt (<see cref="Workers.RetryBackoff.EqualJitter"/>).</summary>
    public static TimeSpan Backoff(int attempts, WebhookOptions settings) =>
        Workers.RetryBackoff.EqualJitter(attempts, settings.RetryBaseDelay, settings.RetryMaxDelay);

    internal sealed class ClaimedDelivery
    {
        public Guid Id { get; set; }

        public Guid LeaseId { get; set; }
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The lease on a batch of webhook deliveries ran out before it could be renewed; {Unsent} delivery(ies) left unsent for the next claim")]
    private static partial void LogLeaseLost(ILogger logger, int unsent);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} is dead after {Attempts} attempt(s)")]
    private static partial void LogDead(ILogger logger, Guid deliveryId, int attempts);
}
