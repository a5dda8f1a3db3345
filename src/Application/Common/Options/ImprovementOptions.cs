using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>Improvement actions and their effect reviews, under <c>CustomerCare:Improvement</c>.</summary>
public sealed class ImprovementOptions
{
    public const string SectionName = "CustomerCare:Improvement";

    /// <summary>
    /// The review period in days: an action's effect is reviewed this long after it was done, comparing the complaints of
    /// its category or cause in this many days before it was done with this many days after.
    /// </summary>
    [Range(1, 730)]
    public int ReviewAfterDays { get; set; } = 90;

    /// <summary>The share by which the complaint rate must fall for the action to count as effective (0.2: by a fifth).</summary>
    [Range(0.0, 1.0)]
    public double EffectiveReduction { get; set; } = 0.2;
}
