namespace CustomerCare.Application.Common.Options;

/// <summary>Bulk import, under <c>CustomerCare:Import</c>.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "CustomerCare:Import";

    /// <summary>Rows one file may hold. Default 10,000.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>Rows saved in one transaction (with their report lines and the job's progress). Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often a replica looks for import jobs no runner holds (a new one on this replica starts at once). Default 2 s; zero turns the runner off.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a runner holds a job without finishing a batch before another may take it over (after a crash). Default 60 s.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Turns in a row a job may end in an unexpected error before it is abandoned (each retried once its lease has
    /// passed). Default 5.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int MaxFailedTurns { get; set; } = 5;

    /// <summary>Batches a runner saves before it lets other jobs have a turn; zero runs a job to its end. Default 0.</summary>
    public int BatchesPerTurn { get; set; }
}
