using System.Diagnostics;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>
/// Keeps a claimed batch of webhook deliveries this replica's while it sends them: every third of the lease duration it
/// moves their <c>locked_until</c> one lease duration past the database's <c>now()</c>. Should the replica die, the
/// renewals stop and the deliveries are free again within one lease duration, instead of waiting out a long lease.
/// <para>
/// <see cref="Lost"/> is cancelled a safety margin (a sixth of the lease) before the lease could have run out as far as
/// this replica can tell — counted from the moment the last successful renewal was <em>sent</em>, which is never later
/// than the database's <c>now()</c> it used. The dispatcher stops sending when it fires, so a replica that cannot reach
/// the database stops before another one may claim the same deliveries: a delivery is never sent by two at once.
/// </para>
/// <para>
/// Renewals run on the dispatcher's own context: while the batch is being sent nothing else uses it (the sends are
/// HTTP only), and the lease is disposed of — its loop awaited — before the outcomes are recorded on that context.
/// </para>
/// </summary>
public sealed partial class DeliveryLease : IAsyncDisposable
{
    private readonly CustomerCareDbContext _db;
    private readonly Guid[] _leaseIds;
    private readonly TimeSpan _duration;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;

    private DeliveryLease(CustomerCareDbContext db, Guid[] leaseIds, TimeSpan duration, long claimedAt, ILogger logger)
    {
        _db = db;
        _leaseIds = leaseIds;
        _duration = duration;
        _logger = logger;
        HoldUntil(claimedAt);
        _renewals = RenewAsync();
    }

    /// <summary>Cancelled when this replica can no longer be sure that the deliveries are still its own.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>How often the lease is renewed: a third of its duration, so two renewals may fail before it runs out.</summary>
    public static TimeSpan RenewalInterval(TimeSpan duration) => duration / 3;

    /// <summary>How long before the lease's end sending stops: a sixth of its duration.</summary>
    public static TimeSpan SafetyMargin(TimeSpan duration) => duration / 6;

    /// <summary>Starts renewing the leases claimed (by the claim statement sent at <paramref name="claimedAt"/>, a <see cref="Stopwatch"/> timestamp).</summary>
    public static DeliveryLease Hold(CustomerCareDbContext db, Guid[] leaseIds, TimeSpan duration, long claimedAt, ILogger logger) =>
        new(db, leaseIds, duration, claimedAt, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
        _lost.Dispose();
    }

    private void HoldUntil(long sentAt)
    {
        var left = _duration - SafetyMargin(_duration) - Stopwatch.GetElapsedTime(sentAt);
        _lost.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    private async Task RenewAsync()
    {
        var interval = RenewalInterval(_duration);
        while (!_stop.IsCancellationRequested && !_lost.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _stop.Token);
                var sentAt = Stopwatch.GetTimestamp();
                await _db.Database.ExecuteSqlRawAsync(
                    "UPDATE webhook_deliveries SET locked_until = now() + {0} WHERE lease_id = ANY ({1}) AND status = 'Delivering'",
                    [_duration, _leaseIds], _stop.Token);
                HoldUntil(sentAt);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is out of reach: try again at the next interval; Lost fires if the lease runs out first.
                LogRenewalFailed(_logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Renewing the lease on a batch of webhook deliveries failed ({Error}); trying again")]
    private static partial void LogRenewalFailed(ILogger logger, string error);
}
