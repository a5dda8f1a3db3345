namespace CustomerCare.Application.Common.Options;

/// <summary>Bulk import, under <c>CustomerCare:Import</c>.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "CustomerCare:Import";

    /// <summary>Rows one file may hold. Default 10,000.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>Rows saved in one transaction. Default 200.</summary>
    public int BatchSize { get; set; } = 200;
}
