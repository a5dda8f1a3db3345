using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Sla;

public sealed record SlaScanResult(int Breaches, int AtRisk);

/// <summary>
/// One pass over the clocks that crossed a line: breaches recorded (and the complaint escalated) once, at-risk noted
/// once. Claims its clocks with <c>FOR UPDATE SKIP LOCKED</c>, so replicas scanning at the same time never handle
/// the same clock; a complaint changed by someone meanwhile is left for the next pass.
/// </summary>
public sealed partial class SlaScanner(CustomerCareDbContext db, TimeProvider time, ILogger<SlaScanner> logger)
{
    public const int BatchSize = 200;

    /// <summary>Clocks past due ({0}) not yet breached, at most {1}, oldest first: only <c>ix_complaint_sla_clocks_breach_due</c> holds them.</summary>
    public const string BreachClaim =
        """
        SELECT k.id AS "Value"
        FROM complaint_sla_clocks k JOIN complaints c ON c.id = k.complaint_id
        WHERE k.met_at IS NULL AND k.paused_at IS NULL AND k.breached_at IS NULL AND k.due_at <= {0}
          AND c.status <> 'Closed'
        ORDER BY k.due_at
        LIMIT {1}
        FOR UPDATE OF k SKIP LOCKED
        """;

    /// <summary>
    /// Clocks inside their at-risk window at {0} not yet noted, at most {1}, but those the breach claim {2} took: only
    /// <c>ix_complaint_sla_clocks_risk_due</c> holds them. It runs after <see cref="BreachClaim"/> took every clock past
    /// due it could, so what it finds is at risk, or a clock that fell due or was committed between the two claims (its
    /// breach is recorded first). It names no due time on purpose: with <c>due_at &gt; {0}</c> PostgreSQL may walk the
    /// breach index over every open clock instead (1.1–1.9 s a pass with a million complaints, when its statistics
    /// predate the newest clocks).
    /// </summary>
    public const string AtRiskClaim =
        """
        SELECT k.id AS "Value"
        FROM complaint_sla_clocks k JOIN complaints c ON c.id = k.complaint_id
        WHERE k.met_at IS NULL AND k.paused_at IS NULL AND k.breached_at IS NULL AND k.at_risk_notified_at IS NULL
          AND k.at_risk_from <= {0} AND k.id <> ALL ({2}) AND c.status <> 'Closed'
        ORDER BY k.at_risk_from
        LIMIT {1}
        FOR UPDATE OF k SKIP LOCKED
        """;

    public async Task<SlaScanResult> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                var now = time.GetUtcNow().ToUniversalTime(); // raw SQL parameters bypass the model's UTC converter
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // Two claims, each walking only its own partial index (see SlaClockConfiguration): clocks past due not yet
                // breached, then, while the batch has room, clocks inside their at-risk window not yet noted.
                var claimed = await db.Database.SqlQueryRaw<Guid>(BreachClaim, now, BatchSize).ToListAsync(ct);
                if (claimed.Count < BatchSize)
                {
                    claimed.AddRange(await db.Database.SqlQueryRaw<Guid>(AtRiskClaim, now, BatchSize - claimed.Count, claimed.ToArray()).ToListAsync(ct));
                }

                if (claimed.Count == 0)
                {
                    return new SlaScanResult(0, 0);
                }

                var complaints = await db.Complaints.Where(c => c.SlaClocks.Any(k => claimed.Contains(k.Id))).ToListAsync(ct);
                int breaches = 0, atRisk = 0;
                foreach (var complaint in complaints)
                {
                    foreach (var clock in complaint.SlaClocks.Where(k => claimed.Contains(k.Id)).ToList())
                    {
                        if (complaint.RecordSlaBreach(clock.Milestone, now))
                        {
                            breaches++;
                        }
                        else if (complaint.RecordSlaAtRisk(clock.Milestone, now))
                        {
                            atRisk++;
                        }
                    }
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                if (breaches + atRisk > 0)
                {
                    LogScan(logger, breaches, atRisk);
                }

                return new SlaScanResult(breaches, atRisk);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A complaint of the batch changed meanwhile (its clocks may have been met): the next pass sees it anew.
            db.ChangeTracker.Clear();
            return new SlaScanResult(0, 0);
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "SLA scan: {Breaches} breach(es) recorded, {AtRisk} at risk")]
    private static partial void LogScan(ILogger logger, int breaches, int atRisk);
}
