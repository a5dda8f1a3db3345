using System.Buffers.Binary;
using System.Text.Json;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerCare.Infrastructure.Idempotency;

public static class IdempotencyKeys
{
    public const int MaxLength = 255;
}

/// <summary>
/// Keys in <c>idempotency_keys</c>, claimed, answered and committed in one transaction with the request's own work
/// (ADR 0004): the claim is the request transaction's first statement, an <c>INSERT … ON CONFLICT</c>; the business
/// changes follow; the response is stored last and everything commits at once. A concurrent request with the same key
/// waits on the unique index (at most <see cref="IdempotencyOptions.InFlightWait"/>, else 409) and then finds the
/// response to replay, or, should the first have rolled back, claims the key itself. Stored responses are encrypted
/// (they may hold personal data or one-time secrets).
/// </summary>
public sealed partial class IdempotencyStore(CustomerCareDbContext db, StoredSecretProtector protector, IOptions<IdempotencyOptions> options)
    : IIdempotencyStore
{
    /// <summary>The fingerprint of the request that claimed its key in this scope (the store lives as long as the request).</summary>
    private string? _fingerprint;

    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken)
    {
        _fingerprint = fingerprint;
        var wait = options.Value.InFlightWait;
        for (var attempt = 0; ; attempt++)
        {
            await db.BeginRequestTransactionAsync(cancellationToken);
            try
            {
                // lock_timeout bounds the wait for a concurrent request holding the key (for the rest of the transaction:
                // a request that waits that long on any row is better told to retry).
                var claimed = await db.Database.SqlQueryRaw<int>(
                    """
                    WITH wait AS (SELECT set_config('lock_timeout', {5}, true))
                    INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at, locked_until, expires_at)
                    SELECT {0}, {1}, {2}, 'InFlight', now(), now() + {3}, now() + {4} FROM wait
                    ON CONFLICT (scope, key) DO UPDATE
                    SET fingerprint = EXCLUDED.fingerprint, state = 'InFlight', status_code = NULL, response = NULL, subjects = '{{}}',
                        created_at = now(), locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
                    WHERE idempotency_keys.expires_at <= now() OR idempotency_keys.state = 'InFlight'
                    RETURNING 1 AS "Value"
                    """,
                    scope, key, fingerprint, wait, options.Value.Retention, $"{(long)wait.TotalMilliseconds}ms").ToListAsync(cancellationToken);
                if (claimed.Count > 0)
                {
                    return new IdempotencyClaim(IdempotencyOutcome.Claimed); // the request's transaction stays open
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await db.RollbackRequestTransactionAsync();
                return new IdempotencyClaim(IdempotencyOutcome.InFlight);
            }
            catch
            {
                await db.RollbackRequestTransactionAsync();
                throw;
            }

            await db.RollbackRequestTransactionAsync();
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
            if (existing is null)
            {
                if (attempt < 3)
                {
                    continue; // purged between the two statements: claim again
                }

                throw new InvalidOperationException("An idempotency key could be neither claimed nor read.");
            }

            if (existing.Fingerprint != fingerprint)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Mismatch);
            }

            return existing.State == IdempotencyState.Completed && existing.Response is { } response
                ? new IdempotencyClaim(IdempotencyOutcome.Replay, Decode(existing.StatusCode ?? 200, protector.UnprotectResponse(response)))
                : new IdempotencyClaim(IdempotencyOutcome.InFlight);
        }
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        var stored = protector.ProtectResponse(Encode(response));
        var subjects = SubjectsOf(response.Body);
        try
        {
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, IdempotencyState.Completed)
                    .SetProperty(r => r.StatusCode, response.StatusCode)
                    .SetProperty(r => r.Response, stored)
                    .SetProperty(r => r.Subjects, subjects), cancellationToken);
            await db.CommitRequestTransactionAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            await db.RollbackRequestTransactionAsync();
            if (response.StatusCode < 400 || !Aborted(ex))
            {
                throw;
            }

            // A statement of the request failed, and PostgreSQL failed its transaction with it (the problem response says
            // why): nothing of the request is kept, but the response is, so that a retry gets it again.
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO idempotency_keys (scope, key, fingerprint, state, status_code, response, subjects, created_at, locked_until, expires_at)
                VALUES ({0}, {1}, {2}, 'Completed', {3}, {4}, {5}, now(), now(), now() + {6})
                ON CONFLICT (scope, key) DO NOTHING
                """,
                [scope, key, _fingerprint ?? throw new InvalidOperationException("No key was claimed."), response.StatusCode, stored, subjects, options.Value.Retention], cancellationToken);
        }
    }

    private static bool Aborted(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.InFailedSqlTransaction }
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.InFailedSqlTransaction };

    public async Task<int> EraseResponsesNamingAsync(IReadOnlyCollection<Guid> subjects, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0)
        {
            return 0;
        }

        var gone = protector.ProtectResponse(Encode(new StoredResponse(StatusCodes.Gone,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/problem+json" },
            JsonSerializer.SerializeToUtf8Bytes(new
            {
                type = "/problems/gone", // the API answers such a replay with a fresh problem of this kind
                title = "The stored response was erased.",
                status = StatusCodes.Gone,
                detail = "The response kept for this Idempotency-Key named a customer whose personal data was erased. " +
                    "The request was processed once and is not processed again.",
            }))));
        var ids = subjects.ToArray();
        return await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE idempotency_keys SET status_code = {0}, response = {1}, subjects = '{{}}'
            WHERE subjects && {2} AND state = 'Completed'
            """,
            [StatusCodes.Gone, gone, ids], cancellationToken);
    }

    /// <summary>Every id (UUID) written in a response body, at most a few hundred.</summary>
    private static Guid[] SubjectsOf(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return [.. GuidPattern().Matches(text).Select(m => Guid.Parse(m.ValueSpan)).Distinct().Take(500)];
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();

    private static class StatusCodes
    {
        public const int Gone = 410;
    }

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) => db.RollbackRequestTransactionAsync();

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("DELETE FROM idempotency_keys WHERE expires_at <= now()", cancellationToken);

    // Layout: 4-byte length of the header JSON, the header JSON, then the body.
    private static byte[] Encode(StoredResponse response)
    {
        var headers = JsonSerializer.SerializeToUtf8Bytes(response.Headers);
        var result = new byte[4 + headers.Length + response.Body.Length];
        BinaryPrimitives.WriteInt32BigEndian(result, headers.Length);
        headers.CopyTo(result, 4);
        response.Body.CopyTo(result, 4 + headers.Length);
        return result;
    }

    private static StoredResponse Decode(int statusCode, byte[] data)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(data);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(data.AsSpan(4, length)) ?? [];
        return new StoredResponse(statusCode, headers, data[(4 + length)..]);
    }
}
