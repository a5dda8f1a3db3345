using System.Buffers.Binary;
using System.Text.Json;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Idempotency;

public static class IdempotencyKeys
{
    public const int MaxLength = 255;
}

/// <summary>
/// Keys in <c>idempotency_keys</c>. A claim is one INSERT … ON CONFLICT, so of two requests racing with one key
/// exactly one wins; the loser sees it in flight. Expired keys, and keys whose request died holding them past the
/// lease, are claimed anew. Stored responses are encrypted (they may hold personal data or one-time secrets).
/// </summary>
public sealed partial class IdempotencyStore(CustomerCareDbContext db, StoredSecretProtector protector, IOptions<IdempotencyOptions> options)
    : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var claimed = await db.Database.SqlQueryRaw<int>(
                """
                INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at, locked_until, expires_at)
                VALUES ({0}, {1}, {2}, 'InFlight', now(), now() + {3}, now() + {4})
                ON CONFLICT (scope, key) DO UPDATE
                SET fingerprint = EXCLUDED.fingerprint, state = 'InFlight', status_code = NULL, response = NULL,
                    created_at = now(), locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
                WHERE idempotency_keys.expires_at <= now()
                   OR (idempotency_keys.state = 'InFlight' AND idempotency_keys.locked_until <= now()
                       AND idempotency_keys.fingerprint = EXCLUDED.fingerprint)
                RETURNING 1 AS "Value"
                """,
                scope, key, fingerprint, options.Value.InFlightLease, options.Value.Retention).ToListAsync(cancellationToken);
            if (claimed.Count > 0)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Claimed);
            }

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
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.State == IdempotencyState.InFlight)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, IdempotencyState.Completed)
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.Response, stored)
                .SetProperty(r => r.Subjects, subjects), cancellationToken);
    }

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

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.State == IdempotencyState.InFlight)
            .ExecuteDeleteAsync(cancellationToken);

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
