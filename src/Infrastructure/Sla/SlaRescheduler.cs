using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>
/// Brings the clocks of every open complaint in step with the schedules after they changed (a calendar, a year's
/// holidays, the targets, a department's calendar) or after an upgrade added a clock: the schedules' stamp is compared
/// with the one the clocks were last recomputed for, and the open complaints are gone through in batches by id. The
/// position is stored after each batch, so a restart resumes; two replicas racing on a batch compute the same clocks,
/// and the one that loses (a concurrent change) tries again on its next pass.
/// </summary>
public sealed partial class SlaRescheduler(CustomerCareDbContext db, ISlaScheduleProvider schedules, ISettingsStore settings, TimeProvider time, ILogger<SlaRescheduler> logger)
{
    public const string Key = "slaRecomputed";
    public const int BatchSize = 200;

    /// <summary>Where the recomputation stands: for which stamp, after which complaint id, and whether it is done.</summary>
    public sealed record Progress(string Stamp, Guid? After, bool Done);

    /// <summary>One batch (of <paramref name="batchSize"/> complaints). True when more remains for this stamp.</summary>
    public async Task<bool> RunBatchAsync(CancellationToken cancellationToken, int batchSize = BatchSize)
    {
        var stamp = await schedules.GetStampAsync(cancellationToken);
        var stored = await settings.GetAsync<Progress>(Key, cancellationToken);
        if (stored?.Value is { Done: true } done && done.Stamp == stamp)
        {
            return false;
        }

        var after = stored?.Value.Stamp == stamp ? stored.Value.After : null;
        db.ChangeTracker.Clear();
        var batch = await db.Complaints
            .Where(c => c.Status != ComplaintStatus.Closed && (after == null || c.Id.CompareTo(after.Value) > 0))
            .OrderBy(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var complaint in batch)
        {
            complaint.TrackSla(await schedules.GetForDepartmentAsync(complaint.ResponsibleDepartmentId, cancellationToken), now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var progress = new Progress(stamp, batch.Count > 0 ? batch[^1].Id : after, batch.Count < batchSize);
            await settings.SaveAsync(Key, progress, stored?.Version ?? 0, cancellationToken);
            if (progress.Done)
            {
                LogRecomputed(logger, stamp[..12]);
            }

            return !progress.Done;
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or Application.Common.Exceptions.PreconditionFailedException
            or Application.Common.Exceptions.ConcurrentChangeException)
        {
            // Someone changed a complaint of the batch (its clocks then followed the schedules anyway) or another replica moved on.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "The SLA clocks of every open complaint follow the schedules {Stamp}")]
    private static partial void LogRecomputed(ILogger logger, string stamp);
}
