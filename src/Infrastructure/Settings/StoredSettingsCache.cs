namespace CustomerCare.Infrastructure.Settings;

/// <summary>
/// A value read from stored settings, kept for a few seconds: a change made through this replica applies at once
/// (<see cref="Invalidate"/>), through another within <see cref="CacheFor"/>. One caller at a time reloads it.
/// </summary>
internal sealed class StoredSettingsCache<T>(TimeProvider time)
    where T : class
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (T Value, long LoadedAt)? _cached;

    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (_cached is { } hit && time.GetElapsedTime(hit.LoadedAt) < CacheFor)
        {
            return hit.Value;
        }

        // While one caller reloads, the others take the value of a few seconds ago rather than wait: a caller is often
        // inside its request's transaction, holding a pooled connection, and the reload needs another. Callers waiting
        // here with theirs could hold the whole pool while the reload waits for a connection (requests stalled for the
        // pool's timeout, then failed). Only with nothing to serve (the first load, or just after Invalidate) do they wait.
        if (_cached is { } stale)
        {
            if (!_gate.Wait(0))
            {
                return stale.Value;
            }
        }
        else
        {
            await _gate.WaitAsync(cancellationToken);
        }

        try
        {
            if (_cached is { } again && time.GetElapsedTime(again.LoadedAt) < CacheFor)
            {
                return again.Value;
            }

            var value = await load(cancellationToken);
            _cached = (value, time.GetTimestamp());
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;
}
