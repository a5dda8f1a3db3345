namespace CustomerCare.Application.Common.Options;

/// <summary>Idempotency-Key handling, under <c>CustomerCare:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "CustomerCare:Idempotency";

    /// <summary>How long a key and its response are kept for replays. Default 24 h.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request waits for another one with the same key that is still being processed (their key is claimed in
    /// the transaction of the first, so the second waits for its commit) before it gets 409 with Retry-After; once the
    /// first has finished, the second gets its response. Also the longest a request so keyed waits on any row lock.
    /// Default 10 s.
    /// </summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(10);
}
