using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints.Commands.ReceiveComplaint;
using CustomerCare.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Complaints.Commands.ImportComplaints;

/// <summary>
/// A partner's file of complaints: every row is validated as POST /complaints would; the valid ones are received
/// in batches (one transaction each). An external reference names one complaint, so re-importing a file, or
/// a row repeated in it, creates nothing twice. Every row gets a line in the report.
/// </summary>
public sealed record ImportComplaintsCommand(IReadOnlyList<ImportRow> Rows) : ICommand<ImportReport>;

public enum ImportRowStatus
{
    Created,
    Duplicate,
    Error,
}

public sealed record ImportRowResult(
    int Line, string? ExternalReference, ImportRowStatus Status, Guid? ComplaintId, string? Number, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record ImportReport(int Total, int Created, int Duplicates, int Errors, IReadOnlyList<ImportRowResult> Rows);

public sealed class ImportComplaintsCommandHandler(ComplaintIntake intake, IValidator<ReceiveComplaintCommand> validator, IOptions<ImportOptions> options)
    : ICommandHandler<ImportComplaintsCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportComplaintsCommand command, CancellationToken cancellationToken)
    {
        var results = new Dictionary<int, ImportRowResult>();
        var firstByReference = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeats = new List<(ImportRow Row, int FirstLine)>();
        foreach (var batch in command.Rows.Chunk(Math.Max(1, options.Value.BatchSize)))
        {
            var candidates = new List<ImportRow>();
            foreach (var row in batch)
            {
                if (await ErrorsAsync(row, cancellationToken) is { } errors)
                {
                    results[row.Line] = new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Error, null, null, errors);
                }
                else if (firstByReference.TryGetValue(row.ExternalReference!, out var first))
                {
                    repeats.Add((row, first));
                }
                else
                {
                    firstByReference[row.ExternalReference!] = row.Line;
                    candidates.Add(row);
                }
            }

            var existing = await intake.ExistingAsync(candidates.Select(r => r.ExternalReference!).ToList(), cancellationToken);
            var fresh = new List<ImportRow>();
            foreach (var row in candidates)
            {
                if (existing.TryGetValue(row.ExternalReference!, out var found))
                {
                    results[row.Line] = new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Duplicate, found.Id, found.Number, null);
                }
                else
                {
                    fresh.Add(row);
                }
            }

            if (!await SaveBatchAsync(fresh, results, cancellationToken))
            {
                // Something in the batch could not be stored (a reference sent meanwhile by another request): row by row.
                foreach (var row in fresh)
                {
                    await SaveBatchAsync([row], results, cancellationToken);
                }
            }
        }

        // A reference repeated in the file names what its first row became.
        foreach (var (row, firstLine) in repeats)
        {
            var first = results[firstLine];
            results[row.Line] = first.Status == ImportRowStatus.Error
                ? new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Error, null, null,
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { ["externalReference"] = [$"Line {firstLine}, with the same reference, could not be imported."] })
                : new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Duplicate, first.ComplaintId, first.Number, null);
        }

        var rows = command.Rows.Select(r => results[r.Line]).ToList();
        return new ImportReport(rows.Count, rows.Count(r => r.Status == ImportRowStatus.Created),
            rows.Count(r => r.Status == ImportRowStatus.Duplicate), rows.Count(r => r.Status == ImportRowStatus.Error), rows);
    }

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

    /// <summary>Stages and saves the rows in one transaction; false (nothing kept) when the save failed as a whole.</summary>
    private async Task<bool> SaveBatchAsync(IReadOnlyList<ImportRow> rows, Dictionary<int, ImportRowResult> results, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return true;
        }

        var customers = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var staged = new List<(ImportRow Row, Domain.Complaints.Complaint Complaint)>();
        foreach (var row in rows)
        {
            try
            {
                staged.Add((row, await intake.StageAsync(row.Command!, customers, ct)));
            }
            catch (ValidationException invalid)
            {
                results[row.Line] = new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Error, null, null, invalid.Errors);
            }
            catch (DomainException refused)
            {
                results[row.Line] = new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Error, null, null,
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$"] = [refused.Message] });
            }
        }

        try
        {
            await intake.SaveAsync(ct);
        }
        catch (DbUpdateException) when (rows.Count > 1)
        {
            intake.Discard();
            return false;
        }
        catch (DbUpdateException)
        {
            intake.Discard();
            var row = rows[0];
            var winner = await intake.ExistingAsync(row.ExternalReference, ct);
            results[row.Line] = winner is null
                ? new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Error, null, null,
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$"] = ["The row could not be stored."] })
                : new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Duplicate, winner.Id, winner.Number, null);
            return true;
        }

        foreach (var (row, complaint) in staged)
        {
            results[row.Line] = new ImportRowResult(row.Line, row.ExternalReference, ImportRowStatus.Created, complaint.Id, complaint.Number, null);
        }

        return true;
    }
}
