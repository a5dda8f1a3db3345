namespace CustomerCare.Domain.Complaints;

/// <summary>The default complaint categories (operators may add their own) and the department each routes to.</summary>
public static class ComplaintCategories
{
    public const int MaxLength = 40;

    /// <summary>Category code → code of the department it routes to by default.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultRouting = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["productQuality"] = "QA",
        ["serviceAttitude"] = "CS",
        ["afterSales"] = "AS",
        ["priceBilling"] = "CS",
        ["fraud"] = "CS",
        ["orderProcessing"] = "CS",
        ["logistics"] = "CS",
        ["technicalFault"] = "TS",
        ["other"] = "CS",
    };
}
