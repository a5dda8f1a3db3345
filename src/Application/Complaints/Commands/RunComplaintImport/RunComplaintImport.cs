using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Commands.ImportComplaints;
using CustomerCare.Application.Complaints.Commands.ReceiveComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Imports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Complaints.Commands.RunComplaintImport;

/// <summary>
/// One turn of the import runner on a job it holds (run as the job's partner): from the first row not yet done, a batch
/// at a time, every row validated as POST /complaints would validate it; the valid ones received together. Each batch
/// is one transaction: its complaints (and new customers), its report lines and the job's progress, so a turn cut short
/// leaves the job where the last batch left it. An external reference names one complaint: a row whose reference exists
/// (from an earlier import, an earlier row of the file, or a concurrent request) is a duplicate, never a second complaint.
/// At most <see cref="MaxBatches"/> batches (zero: to the end); answers the job's status after the turn.
/// </summary>
public sealed record RunComplaintImportCommand(Guid Id, int MaxBatches = 0) : ICommand<ComplaintImportStatus>;

public sealed class RunComplaintImportCommandHandler(
    IApplicationDbContext db, ComplaintIntake intake, IValidator<ReceiveComplaintCommand> validator, IOptions<ImportOptions> options, TimeProvider time,
    IServiceScopeFactory scopes)
    : ICommandHandler<RunComplaintImportCommand, ComplaintImportStatus>
{
    /// <summary>
    /// The outcome of each reference's first row with that reference in the batches saved (a later row with it repeats
    /// that outcome). Written only between batches, never while a batch is being staged: a staged batch keeps its own
    /// first outcomes (<see cref="StagedBatch.Firsts"/>) until it is saved, so no batch copies what the ones before it saw.
    /// </summary>
    private readonly Dictionary<string, ComplaintImportRow> _firstByReference = new(StringComparer.Ordinal);

    public async ValueTask<ComplaintImportStatus> Handle(RunComplaintImportCommand command, CancellationToken cancellationToken)
    {
        var job = await LoadAsync(db, command.Id, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return job?.Status ?? ComplaintImportStatus.Failed;
        }

        if (!await db.Partners.AnyAsync(p => p.Id == job.PartnerId && p.IsActive, cancellationToken))
        {
            job.Abandon("The partner was deactivated before the import ended; the rows not yet done were not imported.", time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return job.Status;
        }

        var rows = await ComplaintImportParser.ReadAsync(job.Format, job.File!, int.MaxValue, cancellationToken);
        if (rows.Count != job.TotalRows)
        {
            job.Abandon("The stored file no longer reads as the number of rows it was accepted with.", time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return job.Status;
        }

        job.Start(time.GetUtcNow(), options.Value.Lease);
        var size = Math.Max(1, options.Value.BatchSize);

        // Two units of work take turns, each staging a batch (validation, customers, complaints: the API's time) and then
        // saving it (COPY, mostly the database's time). A batch is staged while the one before is saved, and its save
        // starts at once: its COPY runs beside the commit of the one before, and it takes the job over (its progress, its
        // row version) only once that one has committed (ADR 0029). The job is tracked by the lane that saves next.
        await using var second = scopes.CreateAsyncScope();
        second.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(job.PartnerId);
        Lane[] lanes = [new(db, intake), new(second.ServiceProvider.GetRequiredService<IApplicationDbContext>(), second.ServiceProvider.GetRequiredService<ComplaintIntake>())];
        var holder = lanes[0]; // the lane tracking the job while no batch is being saved
        var next = job.RowsDone; // the first row not staged yet
        var batches = 0;
        InFlight? older = null; // the batch being saved
        while (true)
        {
            StagedBatch? staged = null;
            if (next < rows.Count && (command.MaxBatches <= 0 || batches < command.MaxBatches))
            {
                try
                {
                    staged = await StageAsync(older is null ? holder : Other(lanes, older.Batch.Lane), rows.Skip(next).Take(size).ToList(), older?.Batch, cancellationToken);
                }
                catch
                {
                    await AbandonAsync(older); // the other unit of work is never left running
                    throw;
                }

                (batches, next) = (batches + 1, next + staged.Rows.Count);
            }

            // The next batch is saved beside the one before, unless a customer that one creates is among its own: what
            // follows its complaints (the customer's notifications) reads that customer, committed.
            var newer = staged is null || (older is not null && staged.Intake?.MatchesInFlight == true)
                ? null
                : Save(command.Id, staged, older is null ? job : null, older?.Handoff.Task, cancellationToken);
            if (older is null)
            {
                if (newer is null)
                {
                    break;
                }

                older = newer;
                continue;
            }

            Saved saved;
            try
            {
                saved = await older.Saving;
            }
            catch
            {
                older.Handoff.TrySetResult(null);
                await AbandonAsync(newer);
                throw;
            }

            if (saved.Job is null || !saved.AsStaged)
            {
                // The batch failed as a whole (a reference sent meanwhile by another request), or its lone row was saved
                // otherwise than staged: the batch after it, staged against it, is not saved, and is staged again later.
                older.Handoff.TrySetResult(null);
                await AbandonAsync(newer);
                if (staged is not null)
                {
                    staged.Lane.Db.DiscardChanges();
                    batches--;
                }

                holder = older.Batch.Lane;
                if (saved.Job is null)
                {
                    // Row by row, each in a transaction of its own.
                    foreach (var row in older.Batch.Rows)
                    {
                        var held = await HoldAsync(holder, command.Id, cancellationToken);
                        Remember((await SaveAsync(command.Id, await StageAsync(holder, [row], null, cancellationToken), held, null, cancellationToken)).Firsts);
                    }

                    job = await HoldAsync(holder, command.Id, cancellationToken);
                }
                else
                {
                    Remember(saved.Firsts);
                    saved.Job.ForgetSavedRows();
                    holder.Db.KeepOnly(saved.Job);
                    job = Held(saved.Job);
                }

                (next, older) = (job.RowsDone, null);
                if (job.IsFinished)
                {
                    break;
                }

                continue;
            }

            // The saved batch's first outcomes join the saved ones now that no batch is being staged against them; its
            // complaints need no tracking any more; the job goes on in the lane that saves next.
            Remember(saved.Firsts);
            var done = saved.Job;
            done.ForgetSavedRows();
            older.Batch.Lane.Db.DiscardChanges();
            if (newer is not null)
            {
                older.Handoff.SetResult(done); // the save beside it takes the job over
            }
            else if (staged is not null)
            {
                staged.Lane.Db.TrackAsSaved(done);
                newer = Save(command.Id, staged, Held(done), null, cancellationToken);
            }
            else
            {
                holder = older.Batch.Lane;
                holder.Db.TrackAsSaved(done);
                job = Held(done);
            }

            older = newer;
            if (older is null)
            {
                break;
            }
        }

        if (!job.IsFinished)
        {
            job.Yield(time.GetUtcNow());
            await holder.Db.SaveChangesAsync(cancellationToken);
        }

        return job.Status;
    }

    private static Lane Other(Lane[] lanes, Lane lane) => lanes[0] == lane ? lanes[1] : lanes[0];

    /// <summary>
    /// Starts saving a staged batch: with the job tracked in its lane, or, beside the save of the batch before, taking the
    /// job over from <paramref name="before"/> once that batch has committed (null if it was not saved as staged).
    /// </summary>
    private InFlight Save(Guid jobId, StagedBatch batch, ComplaintImport? job, Task<ComplaintImport?>? before, CancellationToken ct) =>
        new(batch, Task.Run(() => SaveAsync(jobId, batch, job, before, ct), ct), new TaskCompletionSource<ComplaintImport?>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Waits for a save to end, whatever its outcome (the failure that matters is the one being thrown).</summary>
    private static async Task AbandonAsync(InFlight? inFlight)
    {
        if (inFlight is null)
        {
            return;
        }

        inFlight.Handoff.TrySetResult(null);
        try
        {
            await inFlight.Saving;
        }
        catch
        {
            // The failure that matters is the one being thrown.
        }
    }

    /// <summary>A unit of work the runner saves batches in, with the intake that stages into it.</summary>
    private sealed record Lane(IApplicationDbContext Db, ComplaintIntake Intake);

    /// <summary>
    /// A batch being saved, and the job as it leaves that batch's unit of work once saved, for the batch saved beside it
    /// (null when that one must not be saved: this one failed, or was saved otherwise than staged).
    /// </summary>
    private sealed record InFlight(StagedBatch Batch, Task<Saved> Saving, TaskCompletionSource<ComplaintImport?> Handoff);

    /// <summary>
    /// A save's outcome: the job as saved (null when nothing was kept), whether the rows were saved as staged, and the
    /// first outcomes to remember once no batch is being staged.
    /// </summary>
    private sealed record Saved(ComplaintImport? Job, bool AsStaged, IReadOnlyDictionary<string, ComplaintImportRow> Firsts);

    /// <summary>The batch before one saved beside it was not saved as staged: this one is not saved, and is staged again.</summary>
    private sealed class BatchBeforeNotSavedException : Exception;

    /// <summary>
    /// A batch staged in a lane, not saved: each row's outcome, the first outcome of each reference this batch is the
    /// first to carry, and the customers it creates (for the next batch, staged before this one is saved).
    /// </summary>
    private sealed record StagedBatch(
        Lane Lane, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ComplaintImportRow> Outcomes, IReadOnlyDictionary<string, ComplaintImportRow> Firsts, IntakeBatch? Intake);

    private static Task<ComplaintImport?> LoadAsync(IApplicationDbContext from, Guid id, CancellationToken ct) =>
        from.ComplaintImports.SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>
    /// The job as the last commit left it, read again (after a batch failed as a whole, or saved row by row), held by
    /// this runner unless finished; nothing else stays tracked (the saved batches' complaints need no tracking any more).
    /// A resumed job needs nothing of its earlier batches: a later row repeating a reference they saved finds its
    /// complaint in the database. It is not kept across batches by reading it (that decrypts its whole file: a 2 MB file
    /// is ~14 MB of large strings and arrays a batch), only after a failure.
    /// </summary>
    private async Task<ComplaintImport> HoldAsync(Lane lane, Guid id, CancellationToken ct)
    {
        lane.Db.DiscardChanges();
        return Held(await LoadAsync(lane.Db, id, ct) ?? throw new InvalidOperationException("The import disappeared."));
    }

    /// <summary>The runner's hold on the job renewed for a lease, unless the job has finished.</summary>
    private ComplaintImport Held(ComplaintImport job)
    {
        if (!job.IsFinished)
        {
            job.Start(time.GetUtcNow(), options.Value.Lease);
        }

        return job;
    }

    /// <summary>
    /// Stages the rows' complaints (and new customers) in the lane, unsaved: each row validated as POST /complaints would
    /// validate it, a reference seen before (in the batches saved, or in <paramref name="inFlight"/>, the batch being
    /// saved) a duplicate, the customers of <paramref name="inFlight"/> matched as the database would match them once it is.
    /// </summary>
    private async Task<StagedBatch> StageAsync(Lane lane, IReadOnlyList<ImportRow> rows, StagedBatch? inFlight, CancellationToken ct)
    {
        bool Known(string reference) => inFlight?.Firsts.ContainsKey(reference) == true || _firstByReference.ContainsKey(reference);
        var outcomes = new Dictionary<int, ComplaintImportRow>();
        var repeats = new List<(ImportRow Row, string Reference)>();
        var candidates = new List<ImportRow>();
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (await ErrorsAsync(row, ct) is { } errors)
            {
                outcomes[row.Line] = Outcome(row, ImportRowStatus.Error, errors: errors);
            }
            else if (Known(row.ExternalReference!) || !inBatch.Add(row.ExternalReference!))
            {
                repeats.Add((row, row.ExternalReference!));
            }
            else
            {
                candidates.Add(row);
            }
        }

        var existing = await lane.Intake.ExistingAsync(candidates.Select(r => r.ExternalReference!).ToList(), ct);
        var fresh = new List<ImportRow>();
        foreach (var row in candidates)
        {
            if (existing.TryGetValue(row.ExternalReference!, out var found))
            {
                outcomes[row.Line] = Outcome(row, ImportRowStatus.Duplicate, found.Id, found.Number);
            }
            else
            {
                fresh.Add(row);
            }
        }

        var prepared = fresh.Count == 0 ? null : await lane.Intake.PrepareAsync(fresh.Select(r => r.Command!).ToList(), inFlight?.Intake, ct);
        foreach (var row in fresh)
        {
            try
            {
                var complaint = await lane.Intake.StageAsync(row.Command!, prepared, ct);
                outcomes[row.Line] = Outcome(row, ImportRowStatus.Created, complaint.Id, complaint.Number);
            }
            catch (ValidationException invalid)
            {
                outcomes[row.Line] = Outcome(row, ImportRowStatus.Error, errors: invalid.Errors);
            }
            catch (DomainException refused)
            {
                outcomes[row.Line] = Outcome(row, ImportRowStatus.Error, errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$"] = [refused.Message] });
            }
        }

        var firsts = new Dictionary<string, ComplaintImportRow>(StringComparer.Ordinal);
        foreach (var row in candidates)
        {
            firsts.TryAdd(row.ExternalReference!, outcomes[row.Line]);
        }

        foreach (var (row, reference) in repeats)
        {
            var first = firsts.GetValueOrDefault(reference) ?? inFlight?.Firsts.GetValueOrDefault(reference) ?? _firstByReference[reference];
            outcomes[row.Line] = first.Status == ImportRowStatus.Error
                ? Outcome(row, ImportRowStatus.Error, errors: new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["externalReference"] = [$"Line {first.Line}, with the same reference, could not be imported."],
                })
                : Outcome(row, ImportRowStatus.Duplicate, first.ComplaintId, first.Number);
        }

        return new StagedBatch(lane, rows, rows.Select(r => outcomes[r.Line]).ToList(), firsts, prepared);
    }

    /// <summary>
    /// The staged rows' outcomes, their complaints and the job's progress in one transaction. The job is either tracked by
    /// the batch's lane (<paramref name="job"/>), or taken over from <paramref name="before"/> once the batch before has
    /// committed, after this batch's new rows are written (its row version is then the one that commit left). Answers the
    /// job as saved (or read again for a single row that lost its reference to a concurrent request: its duplicate),
    /// whether the rows were saved as staged (not so for that row, nor for a batch whose batch before was not), and the
    /// first outcomes to remember once no batch is being staged (that row's as saved). No job (nothing kept) when a batch
    /// of several failed as a whole, or the batch before was not saved as staged.
    /// </summary>
    private async Task<Saved> SaveAsync(Guid jobId, StagedBatch batch, ComplaintImport? job, Task<ComplaintImport?>? before, CancellationToken ct)
    {
        var (lane, rows) = (batch.Lane, batch.Rows);
        var held = job;
        try
        {
            if (before is null)
            {
                held!.Record(batch.Outcomes, time.GetUtcNow(), options.Value.Lease);
                await lane.Db.SaveChangesInBulkAsync(ct);
            }
            else
            {
                await lane.Db.SaveChangesInBulkAsync(async c =>
                {
                    if (held is not null)
                    {
                        return; // the transaction retried: the job was taken over and its progress recorded the first time
                    }

                    var saved = await before.WaitAsync(c) ?? throw new BatchBeforeNotSavedException();
                    lane.Db.TrackAsSaved(saved);
                    held = Held(saved);
                    held.Record(batch.Outcomes, time.GetUtcNow(), options.Value.Lease);
                }, ct);
            }
        }
        catch (BatchBeforeNotSavedException)
        {
            lane.Db.DiscardChanges();
            return new Saved(null, false, batch.Firsts);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ImportTakenOverException(jobId);
        }
        catch (DbUpdateException) when (rows.Count > 1)
        {
            lane.Db.DiscardChanges();
            return new Saved(null, false, batch.Firsts);
        }
        catch (DbUpdateException) when (rows[0].ExternalReference is { } reference)
        {
            if (before is not null && await before.WaitAsync(ct) is null)
            {
                lane.Db.DiscardChanges();
                return new Saved(null, false, batch.Firsts);
            }

            // The job as the batch before committed it (read again), with the row's outcome as the database now has it.
            var retried = await HoldAsync(lane, jobId, ct);
            var winner = await lane.Intake.ExistingAsync(reference, ct);
            retried.Record([winner is null
                ? Outcome(rows[0], ImportRowStatus.Error, errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$"] = ["The row could not be stored."] })
                : Outcome(rows[0], ImportRowStatus.Duplicate, winner.Id, winner.Number)], time.GetUtcNow(), options.Value.Lease);
            await lane.Db.SaveChangesAsync(ct);
            return new Saved(retried, false, new Dictionary<string, ComplaintImportRow>(StringComparer.Ordinal) { [reference] = retried.Rows[0] });
        }

        return new Saved(held, true, batch.Firsts);
    }

    /// <summary>A saved batch's first outcomes, joining those of the batches saved before it (called between batches only).</summary>
    private void Remember(IReadOnlyDictionary<string, ComplaintImportRow> firsts)
    {
        foreach (var (reference, outcome) in firsts)
        {
            _firstByReference.TryAdd(reference, outcome);
        }
    }

    private static ComplaintImportRow Outcome(ImportRow row, ImportRowStatus status, Guid? complaintId = null, string? number = null,
        IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(row.Line, row.ExternalReference, status, complaintId, number, errors);

    private async Task<IReadOnlyDictionary<string, string[]>?> ErrorsAsync(ImportRow row, CancellationToken ct)
    {
        if (row.Command is null)
        {
            return row.Errors;
        }

        var failures = (await validator.ValidateAsync(row.Command, ct)).Errors;
        failures.RemoveAll(f => f.PropertyName.Length > 0 && row.Errors.ContainsKey(char.ToLowerInvariant(f.PropertyName[0]) + f.PropertyName[1..]));
        failures.AddRange(row.Errors.SelectMany(e => e.Value.Select(m => new FluentValidation.Results.ValidationFailure(e.Key, m))));
        if (row.ExternalReference is null)
        {
            failures.Add(new FluentValidation.Results.ValidationFailure("externalReference",
                "Every imported complaint needs its external reference: it is what keeps a re-import from creating it twice."));
        }

        return failures.Count == 0 ? null : new ValidationException(failures).Errors;
    }
}

/// <summary>Another runner took the job over (this one held it past its lease): this one stops, its last batch not saved.</summary>
public sealed class ImportTakenOverException(Guid id) : Exception($"Import {id} was taken over by another runner.");
