using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Reports;

/// <summary>What the complaint rate is counted against: the active customers, or the volume figure an operator configured.</summary>
public sealed record RateBasisDto(string Basis, long Value);

/// <summary>
/// The complaint indicators of one group (or of all, when <see cref="Key"/> is null). Times are working hours on the
/// business calendar; shares and rates are fractions (0.25 is a quarter), the complaint rate is per 1,000 of the basis.
/// <see cref="Repeat"/> is the repeat-complaint rate (客户重复投诉率: complaints of a customer who complained in the same
/// category within the repeat window, of all); <see cref="Escalation"/> the complaints escalated at least one level (a
/// missed milestone or a re-complaint), of all; <see cref="SolutionApproval"/> how long major complaints' solutions
/// waited for a supervisor's approval; <see cref="Compensation"/> what resolutions granted, per currency.
/// </summary>
public sealed record ComplaintIndicatorsDto(
    string? Key, string? Label, int Count, double Share, double? ComplaintRate, int Open,
    DurationStatsDto FirstResponse, DurationStatsDto Resolution, IReadOnlyList<MilestoneComplianceDto> Sla,
    RateDto Reopen, RateDto ReComplaint, SatisfactionDto Satisfaction,
    RateDto Repeat, RateDto Escalation, DurationStatsDto SolutionApproval, IReadOnlyList<CompensationDto> Compensation);

/// <summary>Compensation in one currency (ISO 4217): the total granted and how many complaints it went to.</summary>
public sealed record CompensationDto(string Currency, decimal Amount, int Complaints);

/// <summary>Median and 90th percentile (interpolated) over the complaints that reached the point.</summary>
public sealed record DurationStatsDto(int Count, double? MedianHours, double? P90Hours);

/// <summary>Compliance is met / (met + missed); pending clocks are not yet decided.</summary>
public sealed record MilestoneComplianceDto(SlaMilestone Milestone, int Met, int Missed, int Pending, double? Compliance);

/// <summary><see cref="Count"/> of <see cref="Of"/>; reopen: reopened of those ever resolved; re-complaint, repeat, escalation: of all complaints.</summary>
public sealed record RateDto(int Count, int Of, double? Rate);

/// <summary>Satisfaction given at closing (1 to 5): responses, mean and the count and share of each score.</summary>
public sealed record SatisfactionDto(int Responses, double? Mean, IReadOnlyList<ScoreCountDto> Distribution);

public sealed record ScoreCountDto(int Score, int Count, double Share);

public sealed record ComplaintSummaryReport(
    DateOnly From, DateOnly To, string TimeZone, ReportDimension? GroupBy, RateBasisDto RateBasis,
    ComplaintIndicatorsDto Total, IReadOnlyList<ComplaintIndicatorsDto> Groups);

public sealed record ComplaintTrendReport(
    DateOnly From, DateOnly To, string TimeZone, TrendInterval Interval, ReportDimension? GroupBy, RateBasisDto RateBasis,
    IReadOnlyList<TrendPointDto> Points);

/// <summary>One interval, clipped to the report's period; every group of the period appears in every interval, with zeros where it had none.</summary>
public sealed record TrendPointDto(DateOnly Start, DateOnly End, ComplaintIndicatorsDto Total, IReadOnlyList<ComplaintIndicatorsDto> Groups);

public sealed record HotspotsReport(
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, HotspotListDto Categories, HotspotListDto Causes, HotspotListDto Products,
    IReadOnlyList<HotspotIncidentDto> Incidents);

/// <summary>
/// A mass-fault incident under way during the period (started before its end, not ended before its start), with how
/// many of the complaints the caller may see are traced to it; most complaints first.
/// </summary>
public sealed record HotspotIncidentDto(
    Guid Id, string Title, string Cause, string CauseLabel, Domain.Incidents.IncidentStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int Complaints);

/// <summary>The top values by volume in the period, and those that grew most against the previous period (growing ones only).</summary>
public sealed record HotspotListDto(IReadOnlyList<HotspotDto> ByVolume, IReadOnlyList<HotspotDto> ByGrowth);

/// <summary>
/// Growth is change / previous count (null when the value is new); share is of the period's complaints; <c>actions</c>,
/// the improvement actions aimed at this category or cause (none for products) with their status — <c>effective</c> or
/// <c>notEffective</c> once their effect was reviewed.
/// </summary>
public sealed record HotspotDto(string Key, string Label, int Count, int PreviousCount, int Change, double? Growth, double Share)
{
    public IReadOnlyList<HotspotActionDto> Actions { get; init; } = [];
}

/// <summary>An improvement action aimed at a hotspot, and where it stands.</summary>
public sealed record HotspotActionDto(Guid Id, string Title, Domain.ImprovementActions.ImprovementActionStatus Status, DateOnly DueOn);

public sealed record StaffPerformanceReport(
    DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<PerformanceDto> Departments, IReadOnlyList<PerformanceDto> Handlers);

/// <summary>
/// The complaints of the period a department is responsible for, or a handler is assigned: handled (all of them), resolved
/// (ever), still open, their median times, service levels over all milestones, and satisfaction.
/// </summary>
public sealed record PerformanceDto(
    string? Id, string Name, int Handled, int Resolved, int Open, DurationStatsDto FirstResponse, DurationStatsDto Resolution,
    int SlaMet, int SlaMissed, double? SlaCompliance, SatisfactionDto Satisfaction);

public sealed record OpenBreachesReport(DateTimeOffset At, int Complaints, IReadOnlyList<DepartmentBreachesDto> Departments);

/// <summary>
/// A department's open complaints with a missed milestone or an overdue solution step now; per milestone, how many have
/// that one missed; how many have a step of their solution past its due time and not done.
/// </summary>
public sealed record DepartmentBreachesDto(Guid? DepartmentId, string Name, int Complaints, IReadOnlyList<MilestoneCountDto> Milestones, int OverdueSolutionSteps);

public sealed record MilestoneCountDto(SlaMilestone Milestone, int Complaints);
