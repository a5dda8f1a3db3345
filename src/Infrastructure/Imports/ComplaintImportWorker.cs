using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Commands.RecordFailedImportTurn;
using CustomerCare.Application.Complaints.Commands.RunComplaintImport;
using CustomerCare.Domain.Imports;
using CustomerCare.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Imports;

/// <summary>
/// Runs import jobs in the background: takes an unfinished job no runner holds (a new one, or one whose runner died:
/// its lease passed) with <c>FOR UPDATE SKIP LOCKED</c>, so replicas never run one job twice at once, and hands it to
/// <see cref="RunComplaintImportCommand"/> acting as the job's partner. Woken at once by a job queued on this replica;
/// otherwise it looks every <c>CustomerCare:Import:PollInterval</c> (zero turns it off).
/// </summary>
public sealed partial class ComplaintImportWorker(
    IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider time, ILogger<ComplaintImportWorker> logger)
    : BackgroundService, IComplaintImportRunner
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                    // One job's turn is over: look for the next (the same one again if it is not finished and nobody else waits).
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await _wake.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Takes one job and gives it a turn; false when there was none to take.</summary>
    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var now = time.GetUtcNow().ToUniversalTime(); // raw SQL: Npgsql writes only UTC instants (the converter of the model does not apply)
        var taken = await db.Database.SqlQueryRaw<TakenJob>(
            """
            UPDATE complaint_imports SET held_until = {0}
            WHERE id = (SELECT id FROM complaint_imports
                        WHERE status IN ('Queued', 'Running') AND (held_until IS NULL OR held_until < {1})
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, partner_id
            """,
            now + options.Value.Lease, now).ToListAsync(ct);
        if (taken is not [var job])
        {
            return false;
        }

        await using var turn = scopes.CreateAsyncScope();
        turn.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(job.PartnerId);
        try
        {
            var status = await turn.ServiceProvider.GetRequiredService<ISender>().Send(new RunComplaintImportCommand(job.Id, options.Value.BatchesPerTurn), ct);
            LogTurn(logger, job.Id, status);
        }
        catch (ImportTakenOverException)
        {
            LogTakenOver(logger, job.Id);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Counted against the job, which is retried after its lease and abandoned after MaxFailedTurns in a row.
            LogTurnFailed(logger, ex, job.Id);
            await using var after = scopes.CreateAsyncScope();
            after.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(job.PartnerId);
            if (await after.ServiceProvider.GetRequiredService<ISender>().Send(new RecordFailedImportTurnCommand(job.Id), ct) is { } status)
            {
                LogTurn(logger, job.Id, status);
            }
        }

        return true;
    }

    private sealed record TakenJob(Guid Id, Guid PartnerId);

    [LoggerMessage(EventId = 7950, Level = LogLevel.Information, Message = "Import {ImportId}: turn ended, {Status}")]
    private static partial void LogTurn(ILogger logger, Guid importId, ComplaintImportStatus status);

    [LoggerMessage(EventId = 7951, Level = LogLevel.Warning, Message = "Import {ImportId} was taken over by another runner (this one held it past its lease)")]
    private static partial void LogTakenOver(ILogger logger, Guid importId);

    [LoggerMessage(EventId = 7953, Level = LogLevel.Error, Message = "Import {ImportId}: the turn failed; the job is retried after its lease")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, Guid importId);

    [LoggerMessage(EventId = 7952, Level = LogLevel.Warning, Message = "The import runner failed; it looks again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
