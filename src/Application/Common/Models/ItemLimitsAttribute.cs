namespace CustomerCare.Application.Common.Models;

/// <summary>
/// States in the OpenAPI contract the limits the validators put inside a collection: how many entries a dictionary
/// may have, how many items each list may have, and how long each string item may be. (A list's own size on a plain
/// list property is <c>[MaxLength]</c>, as for strings.) It documents; the validators enforce.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemLimitsAttribute : Attribute
{
    /// <summary>Most entries of a dictionary (0: not stated).</summary>
    public int MaxProperties { get; set; }

    /// <summary>Most items of each list, at this level or as a dictionary's values (0: not stated).</summary>
    public int MaxItems { get; set; }

    /// <summary>Longest string item or value (0: not stated).</summary>
    public int ItemMaxLength { get; set; }
}
