using System.Diagnostics;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Notifications;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CustomerCare.Infrastructure.Notifications;

public sealed record NotificationPassResult(int Claimed, int Sent, int Retried, int Dead);

/// <summary>
/// One pass of notification sending: claims due notifications with <c>FOR UPDATE SKIP LOCKED</c> and a lease (as many as
/// it sends at once, so each is sent well within its lease), sends them through their channel's sender (with the immediate retries of <see cref="NotificationSendPolicy"/>), and records each
/// outcome where the lease is still its own. One recipient hears of one complaint in order: a notification waits while an
/// earlier one to the same recipient about the same complaint is still to be sent (one deferred by the quiet hours too). Replicas never hold the same notification at once; one that dies mid-send
/// leaves it to another after the lease (at least once). A notification deferred by the quiet hours is due at their end.
/// </summary>
public sealed partial class NotificationDispatcher(
    CustomerCareDbContext db, IEnumerable<INotificationSender> senders, NotificationSendPolicy policy, IOptionsMonitor<NotificationOptions> options,
    CustomerCareMetrics metrics, ILogger<NotificationDispatcher> logger)
{
    private readonly Dictionary<NotificationChannel, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);

    public async Task<NotificationPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var claimed = await db.Database.SqlQueryRaw<ClaimedNotification>(
            """
            WITH due AS (
                SELECT n.id FROM notifications n
                WHERE ((n.status IN ('Pending', 'RetryScheduled') AND n.next_attempt_at <= now())
                       OR (n.status = 'Sending' AND n.locked_until <= now()))
                  AND NOT EXISTS (
                      SELECT 1 FROM notifications e
                      WHERE e.recipient_id = n.recipient_id AND e.complaint_id IS NOT DISTINCT FROM n.complaint_id
                        AND (e.created_at, e.id) < (n.created_at, n.id) AND e.status IN ('Pending', 'RetryScheduled', 'Sending'))
                ORDER BY n.next_attempt_at
                LIMIT {0}
                FOR UPDATE OF n SKIP LOCKED)
            UPDATE notifications n
            SET status = 'Sending', locked_until = now() + {1}, lease_id = gen_random_uuid()
            FROM due
            WHERE n.id = due.id
            RETURNING n.id, n.lease_id
            """,
            settings.Concurrency, settings.LeaseDuration).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return new NotificationPassResult(0, 0, 0, 0);
        }

        var ids = claimed.Select(c => c.Id).ToList();
        var work = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Channel, n.RecipientId, n.Address, n.Subject, n.Text, n.Html, n.Language, n.Attempts,
                TraceParent = EF.Property<string?>(n, Data.Interceptors.TraceContextInterceptor.TraceParent) })
            .ToListAsync(cancellationToken);
        var leases = claimed.ToDictionary(c => c.Id, c => c.LeaseId);
        var outcomes = await Task.WhenAll(work.Select(async n =>
        {
            // Sending continues the trace of the change that planned it; an HTTP gateway gets it as traceparent.
            using var activity = TraceContext.Continue("notification delivery", n.TraceParent);
            if (n.Address is null)
            {
                return (n.Id, n.Channel, Attempts: n.Attempts + 1, Outcome: SendOutcome.Refused("No address."));
            }

            if (!_senders.TryGetValue(n.Channel, out var sender) || !sender.IsConfigured)
            {
                return (n.Id, n.Channel, Attempts: n.Attempts + 1, Outcome: SendOutcome.Retry($"The {n.Channel} channel is not configured now."));
            }

            var started = Stopwatch.GetTimestamp();
            var (outcome, tried) = await policy.SendAsync(sender,
                new OutgoingNotification(n.Id, n.Channel, n.RecipientId, n.Address, n.Subject, n.Text, n.Html, n.Language), cancellationToken);
            metrics.NotificationAttempt(n.Channel.ToString().ToLowerInvariant(), Stopwatch.GetElapsedTime(started), outcome.Sent);
            return (n.Id, n.Channel, Attempts: n.Attempts + tried, Outcome: outcome);
        }));

        int sent = 0, retried = 0, dead = 0;
        foreach (var (id, channel, attempts, outcome) in outcomes)
        {
            var (status, wait) = outcome switch
            {
                { Sent: true } => (NotificationStatus.Sent, TimeSpan.Zero),
                { Permanent: true } => (NotificationStatus.Dead, TimeSpan.Zero),
                _ when attempts >= settings.MaxAttempts => (NotificationStatus.Dead, TimeSpan.Zero),
                _ => (NotificationStatus.RetryScheduled, Backoff(Math.Max(1, attempts), settings)),
            };
            var answer = outcome.Answer.Length <= Notification.AnswerMaxLength ? outcome.Answer : outcome.Answer[..Notification.AnswerMaxLength];
            var recorded = await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE notifications
                SET status = {0}, attempts = {1}, next_attempt_at = now() + {2}, locked_until = NULL, lease_id = NULL,
                    last_answer = {3}, sent_at = CASE WHEN {0} = 'Sent' THEN now() END
                WHERE id = {4} AND lease_id = {5}
                """,
                [status.ToString(), attempts, wait, new NpgsqlParameter("answer", NpgsqlDbType.Text) { Value = answer }, id, leases[id]],
                cancellationToken);
            if (recorded == 0)
            {
                continue; // the lease ran out and another replica holds it now: its outcome counts
            }

            metrics.NotificationDelivery(channel.ToString().ToLowerInvariant(), status switch
            {
                NotificationStatus.Sent => "sent",
                NotificationStatus.Dead => "dead",
                _ => "retried",
            });

            switch (status)
            {
                case NotificationStatus.Sent:
                    sent++;
                    break;
                case NotificationStatus.Dead:
                    dead++;
                    LogDead(logger, id, attempts);
                    break;
                default:
                    retried++;
                    break;
            }
        }

        return new NotificationPassResult(claimed.Count, sent, retried, dead);
    }

    /// <summary>The wait before a notification's next attempt (<see cref="Workers.RetryBackoff.EqualJitter"/>).</summary>
    public static TimeSpan Backoff(int attempts, NotificationOptions settings) =>
        Workers.RetryBackoff.EqualJitter(attempts, settings.RetryBaseDelay, settings.RetryMaxDelay);

    internal sealed class ClaimedNotification
    {
        public Guid Id { get; set; }

        public Guid LeaseId { get; set; }
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Notification {NotificationId} is dead after {Attempts} attempt(s)")]
    private static partial void LogDead(ILogger logger, Guid notificationId, int attempts);
}
