using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Imports;

public enum ComplaintImportStatus
{
    /// <summary>Accepted, waiting for a runner.</summary>
    Queued,

    /// <summary>A runner is saving its rows, a batch at a time.</summary>
    Running,

    /// <summary>Every row has its line in the report; the file is gone.</summary>
    Completed,

    /// <summary>Stopped for good before the end (the partner was deactivated); the file is gone, the rows saved stay.</summary>
    Failed,
}

public enum ComplaintImportFormat
{
    Ndjson,
    Csv,
}

public enum ImportRowStatus
{
    Created,
    Duplicate,
    Error,
}

/// <summary>
/// A partner's file of complaints, imported in the background a batch at a time. The file is kept (encrypted: it names
/// customers) until the last row is done; every batch commits its complaints, their lines of the report and the
/// progress together, so a runner that stops (a restart) leaves a job that the next one resumes at the first row not
/// yet done, saving nothing twice.
/// </summary>
public sealed class ComplaintImport : AggregateRoot
{
    public const int FailureMaxLength = 500;

    private readonly List<ComplaintImportRow> _rows = [];

    private ComplaintImport()
    {
    }

    private ComplaintImport(Guid id, Guid partnerId, ComplaintImportFormat format, string file, int totalRows, DateTimeOffset now)
        : base(id)
    {
        PartnerId = partnerId;
        Format = format;
        File = file;
        TotalRows = totalRows;
        Status = totalRows == 0 ? ComplaintImportStatus.Completed : ComplaintImportStatus.Queued;
        CreatedAt = now;
        UpdatedAt = now;
        if (totalRows == 0)
        {
            (StartedAt, FinishedAt, File) = (now, now, null);
        }
    }

    public Guid PartnerId { get; private set; }

    public ComplaintImportFormat Format { get; private set; }

    /// <summary>The file as received, until the job ends.</summary>
    public string? File { get; private set; }

    public int TotalRows { get; private set; }

    /// <summary>How many rows (in file order) have their line in the report: the next batch starts there.</summary>
    public int RowsDone { get; private set; }

    public int Created { get; private set; }

    public int Duplicates { get; private set; }

    public int Errors { get; private set; }

    public ComplaintImportStatus Status { get; private set; }

    public string? Failure { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Until when the runner working on the job holds it; past that (the runner died), another runner may take it over
    /// and resume it. Null while no runner holds it.
    /// </summary>
    public DateTimeOffset? HeldUntil { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Turns in a row that ended in an unexpected error before a batch was saved; a saved batch sets it back to zero.</summary>
    public int FailedTurns { get; private set; }

    /// <summary>
    /// The report lines added since the job was loaded or its last lines saved (the saved ones are read by queries, not
    /// loaded here).
    /// </summary>
    public IReadOnlyList<ComplaintImportRow> Rows => _rows.AsReadOnly();

    public bool IsFinished => Status is ComplaintImportStatus.Completed or ComplaintImportStatus.Failed;

    public static ComplaintImport Queue(Guid partnerId, ComplaintImportFormat format, string file, int totalRows, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalRows);
        return new ComplaintImport(Guid.CreateVersion7(), partnerId, format, file, totalRows, now);
    }

    /// <summary>A runner works on the job (again, after a restart): it is running, held by that runner for <paramref name="lease"/>.</summary>
    public void Start(DateTimeOffset now, TimeSpan lease)
    {
        EnsureNotFinished();
        Status = ComplaintImportStatus.Running;
        StartedAt ??= now;
        HeldUntil = now + lease;
        UpdatedAt = now;
    }

    /// <summary>The runner lets the job go unfinished (its turn is over, or it stops): any runner may take it next.</summary>
    public void Yield(DateTimeOffset now)
    {
        HeldUntil = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// The next rows in file order are done: their report lines are added and counted. The last batch completes the job
    /// and drops the file.
    /// </summary>
    public void Record(IReadOnlyList<ComplaintImportRow> rows, DateTimeOffset now, TimeSpan lease)
    {
        EnsureNotFinished();
        if (RowsDone + rows.Count > TotalRows)
        {
            throw new DomainException("import.tooManyRows", "The import holds fewer rows than were recorded.");
        }

        foreach (var row in rows)
        {
            _rows.Add(row);
            _ = row.Status switch
            {
                ImportRowStatus.Created => Created++,
                ImportRowStatus.Duplicate => Duplicates++,
                _ => Errors++,
            };
        }

        RowsDone += rows.Count;
        FailedTurns = 0;
        (UpdatedAt, HeldUntil) = (now, now + lease);
        if (RowsDone == TotalRows)
        {
            (Status, FinishedAt, File, HeldUntil) = (ComplaintImportStatus.Completed, now, null, null);
        }
    }

    /// <summary>
    /// The report lines recorded so far are saved: <see cref="Rows"/> starts again empty, so that the job can stay loaded
    /// for its next batch (instead of being read again, its file with it) without its saved lines being written twice.
    /// </summary>
    public void ForgetSavedRows() => _rows.Clear();

    /// <summary>
    /// The job cannot go on (the rows saved so far stay); the file is dropped. The reason is kept in English and said in
    /// the reader's language when the job is read.
    /// </summary>
    public void Abandon(LocalizableText reason, DateTimeOffset now)
    {
        EnsureNotFinished();
        (Status, Failure, FinishedAt, File, UpdatedAt, HeldUntil) =
            (ComplaintImportStatus.Failed, Guard.Text(reason.ToString(), FailureMaxLength, "failure"), now, null, now, null);
    }

    /// <summary>
    /// A runner's turn ended in an unexpected error before it saved a batch (what it had not saved is gone). The job is
    /// held for <paramref name="retryAfter"/> and then tried again, from the last saved batch; the
    /// <paramref name="maxFailedTurns"/>-th such turn in a row abandons it, so a batch that can never be saved does not
    /// keep a runner busy for ever.
    /// </summary>
    public void RecordFailedTurn(int maxFailedTurns, DateTimeOffset now, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailedTurns, 1);
        EnsureNotFinished();
        FailedTurns++;
        if (FailedTurns >= maxFailedTurns)
        {
            Abandon("The import was given up after failing again and again with an unexpected error; the rows done so far stay saved.", now);
            return;
        }

        (UpdatedAt, HeldUntil) = (now, now + retryAfter);
    }

    private void EnsureNotFinished()
    {
        if (IsFinished)
        {
            throw new DomainException("import.finished", "The import has finished.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString().ToLowerInvariant() });
        }
    }
}

/// <summary>One line of an import's report: what became of one row of the file.</summary>
public sealed class ComplaintImportRow
{
    public const int ReferenceMaxLength = 200;

    private ComplaintImportRow()
    {
    }

    public ComplaintImportRow(int line, string? externalReference, ImportRowStatus status, Guid? complaintId, string? number,
        IReadOnlyDictionary<string, string[]>? errors)
    {
        Line = line;
        ExternalReference = externalReference is { Length: > ReferenceMaxLength } ? externalReference[..ReferenceMaxLength] : externalReference;
        Status = status;
        ComplaintId = complaintId;
        Number = number;
        Errors = errors is null ? null : new Dictionary<string, string[]>(errors, StringComparer.Ordinal);
    }

    public Guid ImportId { get; private set; }

    /// <summary>The row's line in the file (a CSV record's first line).</summary>
    public int Line { get; private set; }

    public string? ExternalReference { get; private set; }

    public ImportRowStatus Status { get; private set; }

    public Guid? ComplaintId { get; private set; }

    public string? Number { get; private set; }

    public Dictionary<string, string[]>? Errors { get; private set; }
}
