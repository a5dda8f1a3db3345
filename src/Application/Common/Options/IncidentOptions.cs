using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>Mass-fault incidents, under <c>CustomerCare:Incidents</c>.</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "CustomerCare:Incidents";

    /// <summary>The most complaints one linking by rule takes; a rule matching more is refused (409) and is to be narrowed.</summary>
    [Range(1, 100_000)]
    public int MaxLinksPerRule { get; set; } = 5000;

    /// <summary>
    /// How many complaints are linked or resolved per transaction: each batch is committed on its own, so a run that
    /// stops half way keeps what it did and is resumed by asking again.
    /// </summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;
}
