namespace CustomerCare.Infrastructure.Idempotency;

public enum IdempotencyState
{
    /// <summary>
    /// The first request with the key is being processed: visible to its own transaction only (ADR 0004); a committed
    /// row in this state was left by a version before 2026-12-03 and is claimed anew.
    /// </summary>
    InFlight,

    /// <summary>Its response is stored and replayed to every retry with the same key and request.</summary>
    Completed,
}

/// <summary>An Idempotency-Key a caller used, the fingerprint of the request that came with it, and the response.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Scope = string.Empty;
        Key = string.Empty;
        Fingerprint = string.Empty;
    }

    /// <summary>Who used the key (<c>staff:{id}</c> or <c>partner:{id}</c>): keys of different callers never meet.</summary>
    public string Scope { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of method, path, query and body.</summary>
    public string Fingerprint { get; private set; }

    public IdempotencyState State { get; private set; }

    public int? StatusCode { get; private set; }

    /// <summary>The response (status line aside): headers worth replaying and body, encrypted.</summary>
    public byte[]? Response { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LockedUntil { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>
    /// The ids the stored response names (complaints, customers, …), readable although the response is encrypted: erasing
    /// a customer finds by them the responses that may hold the customer's data.
    /// </summary>
    public Guid[] Subjects { get; private set; } = [];
}
