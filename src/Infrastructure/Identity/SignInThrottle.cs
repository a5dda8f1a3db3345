using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>
/// Password guesses counted in PostgreSQL, so every replica sees the same counts. Times come from the database's clock
/// (<c>now()</c>), the one clock all replicas share. Each reservation is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>:
/// PostgreSQL runs concurrent ones on the same key one after the other (the row is locked for the update), and one that
/// finds the key locked or its guesses used up updates nothing, so it is refused.
/// </summary>
internal sealed class SignInThrottle(CustomerCareDbContext db, IOptions<SignInThrottleOptions> options, CustomerCareMetrics metrics) : ISignInThrottle
{
    public async Task<TimeSpan?> TryReserveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var reserved = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            // A new window starts when the old one is over or a lockout has ended; within a window, a guess is reserved
            // only while fewer than the limit have been.
            var rows = await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO sign_in_throttles AS t (key, failures, window_started_at, locked_until)
                VALUES ({0}, 1, now(), NULL)
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN t.window_started_at < now() - {2} OR t.locked_until <= now() THEN 1 ELSE t.failures + 1 END,
                    window_started_at = CASE WHEN t.window_started_at < now() - {2} OR t.locked_until <= now() THEN now() ELSE t.window_started_at END,
                    locked_until = CASE WHEN t.window_started_at < now() - {2} OR t.locked_until <= now() THEN NULL ELSE t.locked_until END
                WHERE (t.locked_until IS NULL OR t.locked_until <= now())
                  AND (t.window_started_at < now() - {2} OR t.locked_until <= now() OR t.failures < {1})
                """,
                [key, Limit(key, o), o.Window],
                cancellationToken);
            if (rows == 0)
            {
                await GiveBackAsync(reserved, cancellationToken);
                return await WaitAsync(key, o, cancellationToken);
            }

            reserved.Add(key);
        }

        return null;
    }

    public async Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var o = options.Value;
        metrics.SignInFailed(passwordChange: keys.Any(k => k.StartsWith("password:", StringComparison.Ordinal)));
        foreach (var key in keys)
        {
            var locked = await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE sign_in_throttles SET locked_until = now() + {2}
                WHERE key = {0} AND failures >= {1} AND (locked_until IS NULL OR locked_until <= now())
                """,
                [key, Limit(key, o), o.LockoutDuration],
                cancellationToken);
            if (locked > 0)
            {
                metrics.LockedOut(key);
            }
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

    public async Task RecordSuccessAsync(string account, IReadOnlyCollection<string> others, CancellationToken cancellationToken)
    {
        await ResetAsync(account, cancellationToken);
        await GiveBackAsync(others, cancellationToken);
    }

    public async Task ResetAsync(string key, CancellationToken cancellationToken) =>
        await db.SignInThrottles.Where(e => e.Key == key).ExecuteDeleteAsync(cancellationToken);

    private static int Limit(string key, SignInThrottleOptions o) =>
        SignInThrottleKeys.IsAddress(key) ? o.MaxFailuresPerAddress : o.MaxFailuresPerAccount;

    private async Task GiveBackAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE sign_in_throttles SET failures = failures - 1 WHERE key = ANY ({0}) AND failures > 0 AND locked_until IS NULL",
                [keys.ToArray()], cancellationToken);
        }
    }

    /// <summary>Until the lockout ends, or (guesses used up, the last still being checked) until the window does.</summary>
    private async Task<TimeSpan> WaitAsync(string key, SignInThrottleOptions o, CancellationToken cancellationToken)
    {
        var seconds = await db.Database
            .SqlQueryRaw<double?>(
                """
                SELECT EXTRACT(EPOCH FROM COALESCE(locked_until, window_started_at + {1}) - now())::float8 AS "Value"
                FROM sign_in_throttles WHERE key = {0}
                """,
                key, o.Window)
            .SingleOrDefaultAsync(cancellationToken);
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(seconds ?? 1)));
    }
}
