namespace CustomerCare.Infrastructure.Workers;

/// <summary>How long the dispatchers (webhooks, notifications) wait before the next attempt of something that failed.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// Exponential back-off with "equal jitter": the delay doubles from <paramref name="baseDelay"/> with each attempt made,
    /// up to <paramref name="maxDelay"/>; half of it is fixed, half random, so that failures at the same moment spread out.
    /// </summary>
    public static TimeSpan EqualJitter(int attempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
