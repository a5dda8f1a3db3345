using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>
/// Failed sign-ins counted in PostgreSQL, so every replica sees the same counts. Times come from the
/// database's clock (<c>now()</c>), the one clock all replicas share.
/// </summary>
internal sealed class SignInThrottle(CustomerCareDbContext db, IOptions<SignInThrottleOptions> options) : ISignInThrottle
{
    public async Task<TimeSpan?> GetLockoutAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var remaining = await db.Database
            .SqlQueryRaw<double?>(
                """
                SELECT EXTRACT(EPOCH FROM max(locked_until) - now())::float8 AS "Value"
                FROM sign_in_throttles WHERE key = ANY({0}) AND locked_until > now()
                """,
                [keys.ToArray()])
            .SingleAsync(cancellationToken);
        return remaining is { } seconds ? TimeSpan.FromSeconds(Math.Ceiling(seconds)) : null;
    }

    public async Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var o = options.Value;
        foreach (var key in keys)
        {
            var limit = key.StartsWith("ip:", StringComparison.Ordinal) ? o.MaxFailuresPerAddress : o.MaxFailuresPerAccount;

            // A new window starts when the old one is over or a lockout has ended.
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO sign_in_throttles AS t (key, failures, window_started_at, locked_until)
                VALUES ({0}, 1, now(), CASE WHEN {1} <= 1 THEN now() + {3} END)
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN t.window_started_at < now() - {2} OR t.locked_until <= now() THEN 1 ELSE t.failures + 1 END,
                    window_started_at = CASE WHEN t.window_started_at < now() - {2} OR t.locked_until <= now() THEN now() ELSE t.window_started_at END,
                    locked_until = CASE
                        WHEN t.window_started_at < now() - {2} OR t.locked_until <= now() THEN CASE WHEN {1} <= 1 THEN now() + {3} END
                        WHEN t.failures + 1 >= {1} THEN now() + {3}
                        ELSE t.locked_until END
                """,
                [key, limit, o.Window, o.LockoutDuration],
                cancellationToken);
        }

        // Forget counts nobody needs any more, a few at a time.
        await db.Database.ExecuteSqlRawAsync(
            """
            DELETE FROM sign_in_throttles WHERE ctid IN (
                SELECT ctid FROM sign_in_throttles
                WHERE window_started_at < now() - {0} AND (locked_until IS NULL OR locked_until < now())
                LIMIT 100)
            """,
            [o.Window + o.LockoutDuration],
            cancellationToken);
    }

    public async Task ResetAsync(string key, CancellationToken cancellationToken) =>
        await db.SignInThrottles.Where(e => e.Key == key).ExecuteDeleteAsync(cancellationToken);
}
