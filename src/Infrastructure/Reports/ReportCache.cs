using System.Collections.Concurrent;
using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Reports;

/// <summary>
/// Computed report aggregations, kept per key for <see cref="ReportOptions.CacheFor"/> (ADR 0018). One computation per
/// key runs at a time, whoever asks: thirty-two supervisors opening the same quarter at once cost one query. A result
/// older than <c>CacheFor</c> is recomputed in the background on the next request, which is answered from the older
/// result while it is at most twice <c>CacheFor</c> old; older than that, the request waits for the new one. A
/// computation belongs to no request: a caller that goes away does not cancel it for the others.
/// </summary>
public sealed partial class ReportCache(IOptions<ReportOptions> options, TimeProvider time, ILogger<ReportCache> logger)
{
    /// <summary>Keys kept at most; past this, reports are computed without being kept until old entries are swept.</summary>
    public const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>Whether results are kept at all (<see cref="ReportOptions.CacheFor"/> above zero).</summary>
    public bool Enabled => options.Value.CacheFor > TimeSpan.Zero;

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute, CancellationToken cancellationToken)
    {
        var fresh = options.Value.CacheFor;
        var now = time.GetUtcNow();
        Sweep(now, fresh);
        if (!_slots.TryGetValue(key, out var slot))
        {
            if (_slots.Count >= MaxEntries)
            {
                return await compute().WaitAsync(cancellationToken);
            }

            slot = _slots.GetOrAdd(key, _ => new Slot());
        }

        Task<object?> pending;
        lock (slot)
        {
            if (slot.HasValue && now - slot.ComputedAt <= fresh)
            {
                return (T)slot.Value!;
            }

            slot.Computing ??= Task.Run(() => ComputeAsync(slot, compute));
            if (slot.HasValue && now - slot.ComputedAt <= fresh * 2)
            {
                return (T)slot.Value!;
            }

            pending = slot.Computing;
        }

        return (T)(await pending.WaitAsync(cancellationToken))!;
    }

    private async Task<object?> ComputeAsync<T>(Slot slot, Func<Task<T>> compute)
    {
        // The result is as fresh as the moment its query started.
        var started = time.GetUtcNow();
        try
        {
            var value = await compute();
            lock (slot)
            {
                (slot.Value, slot.HasValue, slot.ComputedAt) = (value, true, started);
                slot.Computing = null;
            }

            return value;
        }
        catch (Exception ex)
        {
            lock (slot)
            {
                slot.Computing = null;
            }

            // Those waiting get the error; one answered from the older result meanwhile never sees it, so it is logged.
            LogFailed(logger, ex);
            throw;
        }
    }

    /// <summary>Drops results too old to be served (at most once per <c>CacheFor</c>).</summary>
    private void Sweep(DateTimeOffset now, TimeSpan fresh)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < fresh.Ticks || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, slot) in _slots)
        {
            lock (slot)
            {
                if (slot.Computing is null && now - slot.ComputedAt > fresh * 2)
                {
                    _slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
                }
            }
        }
    }

    [LoggerMessage(EventId = 7960, Level = LogLevel.Warning, Message = "A report computation failed; the next request computes it again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private sealed class Slot
    {
        public object? Value { get; set; }

        public bool HasValue { get; set; }

        public DateTimeOffset ComputedAt { get; set; }

        public Task<object?>? Computing { get; set; }
    }
}
