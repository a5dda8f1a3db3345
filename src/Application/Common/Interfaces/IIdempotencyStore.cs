namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Idempotency keys (IETF draft "The Idempotency-Key HTTP Header Field") kept in the database, so that they hold
/// across replicas and restarts. Keys are scoped per caller.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Opens the request's transaction and claims the key in it, or says why not (a stored response, one still in flight
    /// past the wait for it, another request); on <see cref="IdempotencyOutcome.Claimed"/> the request's work joins that
    /// transaction until <see cref="CompleteAsync"/> or <see cref="ReleaseAsync"/>.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Stores the response of the request that claimed the key, for replays, and commits it with the request's work.</summary>
    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Rolls the request back, key and all (it failed on the server's side): a retry is processed anew.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces every stored response that names one of these ids with a 410 problem (the customer's data was erased),
    /// so that a replay neither shows the data nor runs the request again; returns how many.
    /// </summary>
    Task<int> EraseResponsesNamingAsync(IReadOnlyCollection<Guid> subjects, CancellationToken cancellationToken);

    /// <summary>Forgets keys past their retention; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

public enum IdempotencyOutcome
{
    /// <summary>First use of the key: process the request, then complete or release.</summary>
    Claimed,

    /// <summary>The same request was answered before: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>The first request with this key is still being processed.</summary>
    InFlight,

    /// <summary>The key was used with a different request.</summary>
    Mismatch,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, StoredResponse? Response = null);

public sealed record StoredResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body);
