namespace CustomerCare.Domain.Complaints;

/// <summary>The default complaint categories (operators may add their own) and the department each routes to.</summary>
public static class ComplaintCategories
{
    public const int MaxLength = ClassificationTerm.CodeMaxLength;

    /// <summary>Complaints about what was promised or sold before a purchase; they go to the product department.</summary>
    public const string PreSales = "preSales";

    /// <summary>The code of the product department pre-sales complaints route to.</summary>
    public const string ProductDepartmentCode = "PD";

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
        [PreSales] = ProductDepartmentCode,
        ["other"] = "CS",
    };
}

/// <summary>
/// The default cause taxonomy (the texts' list for value-added telecom services); operators add their own, and
/// retire what does not fit their business.
/// </summary>
public static class ComplaintCauses
{
    public static readonly IReadOnlyList<string> Defaults =
        ["personalOperation", "billingSystem", "packageRestriction", "network", "terminal", "contentProvider", "other"];
}
