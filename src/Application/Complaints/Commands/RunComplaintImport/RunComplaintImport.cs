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

        // Two units of work take turns: while one saves a batch (COPY, mostly the database's time), the other stages the
        // next (validation, customers, complaints: the API's time). The job is tracked by the one that saves next.
        await using var second = scopes.CreateAsyncScope();
        second.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(job.PartnerId);
        var current = new Lane(db, intake);
        var spare = new Lane(second.ServiceProvider.GetRequiredService<IApplicationDbContext>(), second.ServiceProvider.GetRequiredService<ComplaintIntake>());
        StagedBatch? staged = null;
        for (var batches = 0; !job.IsFinished && (command.MaxBatches <= 0 || batches < command.MaxBatches); batches++)
        {
            staged ??= await StageAsync(current, rows.Skip(job.RowsDone).Take(size).ToList(), null, cancellationToken);
            var next = command.MaxBatches > 0 && batches + 1 >= command.MaxBatches ? [] : rows.Skip(job.RowsDone + staged.Rows.Count).Take(size).ToList();
            var (lane, inFlight) = (spare, staged);
            var saving = SaveAsync(staged, job, cancellationToken);
            var staging = next.Count == 0 ? null : Task.Run(() => StageAsync(lane, next, inFlight, cancellationToken), cancellationToken);
            (ComplaintImport? Job, bool AsStaged, IReadOnlyDictionary<string, ComplaintImportRow> Firsts) saved;
            try
            {
                saved = await saving;
            }
            catch
            {
                await FinishedAsync(staging); // the other unit of work is never left running
                throw;
            }

            var ahead = staging is null ? null : await staging;
            if (ahead is not null && !saved.AsStaged)
            {
                // The next batch was staged against this one as staged, which it was not saved as: staged again after it.
                spare.Db.DiscardChanges();
                ahead = null;
            }

            if (saved.Job is null)
            {
                // Something in the batch could not be stored (a reference sent meanwhile by another request): row by row.
                foreach (var row in staged.Rows)
                {
                    var held = await HoldAsync(current, command.Id, cancellationToken);
                    Remember((await SaveAsync(await StageAsync(current, [row], null, cancellationToken), held, cancellationToken)).Firsts);
                }

                job = await HoldAsync(current, command.Id, cancellationToken);
                staged = null;
                continue;
            }

            // The saved batch's first outcomes join the saved ones now that no batch is being staged against them; its
            // complaints need no tracking any more; the job goes on where the next batch is staged.
            Remember(saved.Firsts);
            var done = saved.Job;
            done.ForgetSavedRows();
            if (ahead is null)
            {
                current.Db.KeepOnly(done);
                staged = null;
            }
            else
            {
                current.Db.DiscardChanges();
                spare.Db.TrackAsSaved(done);
                (current, spare, staged) = (spare, current, ahead);
            }

            job = Held(done);
        }

        if (!job.IsFinished)
        {
            job.Yield(time.GetUtcNow());
            await current.Db.SaveChangesAsync(cancellationToken);
        }

        return job.Status;
    }

    /// <summary>A unit of work the runner saves batches in, with the intake that stages into it.</summary>
    private sealed record Lane(IApplicationDbContext Db, ComplaintIntake Intake);

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

    private static async Task FinishedAsync(Task? task)
    {
        if (task is not null)
        {
            try
            {
                await task;
            }
            catch
            {
                // The failure that matters is the one being thrown.
            }
        }
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
    /// The staged rows' outcomes, their complaints and the job's progress in one transaction (the job must be tracked by
    /// the batch's lane); answers the job as saved (the one given, or the one read again for a single row that lost its
    /// reference to a concurrent request: its duplicate), whether its rows were saved as staged (not so for that row),
    /// and the first outcomes to remember once no batch is being staged (that row's as saved). Null (nothing kept) when
    /// a batch of several failed as a whole.
    /// </summary>
    private async Task<(ComplaintImport? Job, bool AsStaged, IReadOnlyDictionary<string, ComplaintImportRow> Firsts)> SaveAsync(
        StagedBatch batch, ComplaintImport job, CancellationToken ct)
    {
        var (lane, rows) = (batch.Lane, batch.Rows);
        job.Record(batch.Outcomes, time.GetUtcNow(), options.Value.Lease);
        try
        {
            await lane.Db.SaveChangesInBulkAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ImportTakenOverException(job.Id);
        }
        catch (DbUpdateException) when (rows.Count > 1)
        {
            lane.Db.DiscardChanges();
            return (null, false, batch.Firsts);
        }
        catch (DbUpdateException) when (rows[0].ExternalReference is { } reference)
        {
            var retried = await HoldAsync(lane, job.Id, ct);
            var winner = await lane.Intake.ExistingAsync(reference, ct);
            retried.Record([winner is null
                ? Outcome(rows[0], ImportRowStatus.Error, errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$"] = ["The row could not be stored."] })
                : Outcome(rows[0], ImportRowStatus.Duplicate, winner.Id, winner.Number)], time.GetUtcNow(), options.Value.Lease);
            await lane.Db.SaveChangesAsync(ct);
            return (retried, false, new Dictionary<string, ComplaintImportRow>(StringComparer.Ordinal) { [reference] = retried.Rows[0] });
        }

        return (job, true, batch.Firsts);
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
