namespace CustomerCare.Application.Common.Options;

/// <summary>Settings of the command/query pipeline, bound from <c>CustomerCare:Pipeline</c>.</summary>
public sealed class MediatorPipelineOptions
{
    public const string SectionName = "CustomerCare:Pipeline";

    /// <summary>A request that takes longer than this is logged as a warning. Default 500 ms.</summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromMilliseconds(500);
}
