using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Reports;

/// <summary>
/// The aggregations behind the reports, computed by the database (grouping, counting, percentiles) over the complaints
/// the caller may see; nothing here loads complaints into memory.
/// </summary>
public interface IComplaintStatistics
{
    /// <summary>
    /// Complaint indicators of the complaints received in the scope's period, per <paramref name="interval"/> bucket
    /// (when given) and per <paramref name="groupBy"/> group (when given), with a total row per bucket.
    /// </summary>
    Task<IReadOnlyList<IndicatorRow>> IndicatorsAsync(ReportScope scope, ReportDimension? groupBy, TrendInterval? interval, CancellationToken cancellationToken);

    /// <summary>Compensation granted at resolution, summed per currency, per bucket and group (and over all groups).</summary>
    Task<IReadOnlyList<CompensationRow>> CompensationAsync(ReportScope scope, ReportDimension? groupBy, TrendInterval? interval, CancellationToken cancellationToken);

    /// <summary>How many complaints the scope holds.</summary>
    Task<int> CountAsync(ReportScope scope, CancellationToken cancellationToken);

    /// <summary>Counts per value of <paramref name="dimension"/> in the scope's period and in the equally long period before it.</summary>
    Task<IReadOnlyList<HotspotRow>> HotspotsAsync(ReportScope scope, HotspotDimension dimension, DateTimeOffset previousFrom, CancellationToken cancellationToken);

    /// <summary>Open complaints with a missed, unmet milestone now, per responsible department and milestone.</summary>
    Task<IReadOnlyList<OpenBreachRow>> OpenBreachesAsync(ComplaintVisibility visibility, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Customer records in use: neither erased nor merged into another.</summary>
    Task<int> ActiveCustomersAsync(CancellationToken cancellationToken);
}

/// <summary>Complaints received in [<see cref="From"/>, <see cref="To"/>) that <see cref="Visibility"/> lets the caller see; buckets are days of <see cref="TimeZoneId"/>.</summary>
public sealed record ReportScope(DateTimeOffset From, DateTimeOffset To, string TimeZoneId, DateTimeOffset Now, ComplaintVisibility Visibility);

/// <summary>What a report groups by. <see cref="Handler"/> is the assigned handler.</summary>
public enum ReportDimension
{
    Category,
    Channel,
    Severity,
    Department,
    Status,
    Product,
    Handler,

    /// <summary>The investigation's cause code (complaints not investigated, or from before causes were coded, have none).</summary>
    Cause,
}

public enum TrendInterval
{
    Day,
    Week,
    Month,
}

public enum HotspotDimension
{
    Category,

    /// <summary>The investigation's cause code.</summary>
    Cause,
    Product,
}

/// <summary>
/// One bucket/group's raw aggregates. <see cref="IsTotal"/> marks the row over all groups (of its bucket). Times are in
/// working seconds; percentiles are continuous (interpolated). Satisfaction holds the counts of scores 1 to 5; Clocks one
/// entry per milestone that any complaint of the row started. Repeats: complaints repeating an earlier one of the same
/// customer and category; Escalated: escalation level above 0; Approvals: solutions approved, with the working seconds
/// they waited (median, 90th percentile).
/// </summary>
public sealed record IndicatorRow(
    DateOnly? Bucket, bool IsTotal, string? Key, string? Label, int Count, int Open, int EverResolved, int Reopened, int ReComplaints,
    int FirstResponses, double? FirstResponseMedian, double? FirstResponseP90, int Resolutions, double? ResolutionMedian, double? ResolutionP90,
    IReadOnlyList<int> Satisfaction, IReadOnlyList<MilestoneCounts> Clocks,
    int Repeats = 0, int Escalated = 0, int Approvals = 0, double? ApprovalMedian = null, double? ApprovalP90 = null);

/// <summary>One bucket/group's compensation in one currency: the sum, and how many complaints it went to.</summary>
public sealed record CompensationRow(DateOnly? Bucket, bool IsTotal, string? Key, string Currency, decimal Amount, int Complaints);

/// <summary>
/// Clocks of one milestone: met in time, missed (met late, or breached: the SLA worker records an overdue clock within
/// its scan interval) and pending (started, neither, on an open complaint). Clocks of complaints closed before their
/// milestone was due count in none.
/// </summary>
public sealed record MilestoneCounts(SlaMilestone Milestone, int Met, int Missed, int Pending);

public sealed record HotspotRow(string Key, string Label, int Current, int Previous);

/// <summary>
/// <see cref="Milestone"/> null and not <see cref="OverdueSteps"/>: the department's open complaints overdue in any way;
/// <see cref="OverdueSteps"/>: those with a solution step past its due time and not done.
/// </summary>
public sealed record OpenBreachRow(Guid? DepartmentId, string? DepartmentName, SlaMilestone? Milestone, bool OverdueSteps, int Complaints);
