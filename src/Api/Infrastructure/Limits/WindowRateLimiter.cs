using System.Threading.RateLimiting;

namespace CustomerCare.Api.Infrastructure.Limits;

/// <summary>
/// A fixed-window request counter for one caller that tells every lease how many requests are left and when the window
/// ends, so that each response can carry <c>RateLimit-*</c> headers. (<see cref="FixedWindowRateLimiter"/> counts the
/// same way but does not expose when its window ends.) A window starts with the first request after the last one ended;
/// requests are never queued: one over the limit is refused with the time left as <see cref="MetadataName.RetryAfter"/>.
/// </summary>
public sealed class WindowRateLimiter : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly long _created;
    private long _windowStarted;
    private bool _started;
    private int _used;
    private long _successful;
    private long _failed;

    public WindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
        _created = time.GetTimestamp();
    }

    /// <summary>How long the counter has been idle: since its last window ended, or since it was made if it never counted.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                if (!_started)
                {
                    return _time.GetElapsedTime(_created, now);
                }

                var elapsed = _time.GetElapsedTime(_windowStarted, now);
                return elapsed >= _window ? elapsed - _window : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - UsedAt(_time.GetTimestamp()),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var used = UsedAt(now);
            if (permitCount > 0 && !IsOpenAt(now))
            {
                _windowStarted = now;
                _started = true;
            }

            var reset = IsOpenAt(now) ? _window - _time.GetElapsedTime(_windowStarted, now) : _window;
            if (used + permitCount > _permitLimit)
            {
                _failed++;
                return new WindowLease(false, _permitLimit, _permitLimit - used, reset, _window);
            }

            _used = used + permitCount;
            _successful++;
            return new WindowLease(true, _permitLimit, _permitLimit - _used, reset, _window);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private bool IsOpenAt(long now) => _started && _time.GetElapsedTime(_windowStarted, now) < _window;

    private int UsedAt(long now) => IsOpenAt(now) ? _used : 0;

    /// <summary>The outcome of one request against a caller's window: its limit, what is left, and when it resets.</summary>
    public sealed class WindowLease(bool acquired, int limit, int remaining, TimeSpan reset, TimeSpan window) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        /// <summary>Requests allowed per window.</summary>
        public int Limit { get; } = limit;

        /// <summary>Requests left in the current window after this one.</summary>
        public int Remaining { get; } = remaining;

        /// <summary>Time until the current window ends and the count starts again.</summary>
        public TimeSpan Reset { get; } = reset;

        /// <summary>Length of a window.</summary>
        public TimeSpan Window { get; } = window;

        public override IEnumerable<string> MetadataNames => IsAcquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!IsAcquired && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = Reset;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
