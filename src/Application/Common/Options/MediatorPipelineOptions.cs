using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>Settings of the command/query pipeline, bound from <c>CustomerCare:Pipeline</c>.</summary>
public sealed class MediatorPipelineOptions
{
    public const string SectionName = "CustomerCare:Pipeline";

    /// <summary>A request that takes longer than this is logged as a warning. Default 500 ms.</summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Queries this process runs at once; the others wait their turn in order of arrival (ADR 0024). Zero: twice the
    /// processors. Read at start-up.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxConcurrentQueries { get; set; }

    /// <summary>How long a query waits for its turn before it is answered 503 with Retry-After. Default 10 s. Read at start-up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan QueryQueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
