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
                var claimed = await db.Database.SqlQueryRaw<Guid>(
                    """
                    SELECT k.id AS "Value"
                    FROM complaint_sla_clocks k JOIN complaints c ON c.id = k.complaint_id
                    WHERE k.met_at IS NULL AND k.paused_at IS NULL AND c.status <> 'Closed'
                      AND ((k.breached_at IS NULL AND k.due_at <= {0})
                        OR (k.at_risk_notified_at IS NULL AND k.at_risk_from <= {0} AND k.due_at > {0}))
                    ORDER BY k.due_at
                    LIMIT {1}
                    FOR UPDATE OF k SKIP LOCKED
                    """,
                    now, BatchSize).ToListAsync(ct);
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
