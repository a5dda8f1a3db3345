using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Reports;

/// <summary>Turns the database's aggregates into indicators: ratios, hours, shares, rounded for reading (4 decimals).</summary>
internal static class Indicators
{
    public const int Digits = 4;

    private static readonly SlaMilestone[] Milestones = Enum.GetValues<SlaMilestone>();

    public static ComplaintIndicatorsDto From(IndicatorRow row, int ofCount, RateBasisDto basis, IReadOnlyList<CompensationRow> compensation)
    {
        var clocks = row.Clocks;
        return new ComplaintIndicatorsDto(
            row.Key, row.IsTotal ? "All complaints" : row.Label ?? "(none)", row.Count, Ratio(row.Count, ofCount) ?? 0, basis.Value > 0 ? Round(row.Count * 1000.0 / basis.Value) : null, row.Open,
            Duration(row.FirstResponses, row.FirstResponseMedian, row.FirstResponseP90),
            Duration(row.Resolutions, row.ResolutionMedian, row.ResolutionP90),
            Milestones.Select(m => clocks.FirstOrDefault(c => c.Milestone == m) is { } c
                ? new MilestoneComplianceDto(m, c.Met, c.Missed, c.Pending, Ratio(c.Met, c.Met + c.Missed))
                : new MilestoneComplianceDto(m, 0, 0, 0, null)).ToList(),
            new RateDto(row.Reopened, row.EverResolved, Ratio(row.Reopened, row.EverResolved)),
            new RateDto(row.ReComplaints, row.Count, Ratio(row.ReComplaints, row.Count)),
            Satisfaction(row.Satisfaction),
            new RateDto(row.Repeats, row.Count, Ratio(row.Repeats, row.Count)),
            new RateDto(row.Escalated, row.Count, Ratio(row.Escalated, row.Count)),
            Duration(row.Approvals, row.ApprovalMedian, row.ApprovalP90),
            compensation.Where(c => c.Bucket == row.Bucket && c.IsTotal == row.IsTotal && (row.IsTotal || c.Key == row.Key))
                .OrderBy(c => c.Currency, StringComparer.Ordinal).Select(c => new CompensationDto(c.Currency, c.Amount, c.Complaints)).ToList());
    }

    public static IndicatorRow Empty(string? key, string? label) =>
        new(null, key is null, key, label, 0, 0, 0, 0, 0, 0, null, null, 0, null, null, [0, 0, 0, 0, 0], []);

    public static DurationStatsDto Duration(int count, double? medianSeconds, double? p90Seconds) =>
        new(count, Hours(medianSeconds), Hours(p90Seconds));

    public static SatisfactionDto Satisfaction(IReadOnlyList<int> counts)
    {
        var responses = counts.Sum();
        var mean = responses == 0 ? (double?)null : Round(counts.Select((n, i) => n * (i + 1.0)).Sum() / responses);
        return new SatisfactionDto(responses, mean,
            counts.Select((n, i) => new ScoreCountDto(i + 1, n, Ratio(n, responses) ?? 0)).ToList());
    }

    public static double? Ratio(int count, int of) => of == 0 ? null : Round((double)count / of);

    public static double Round(double value) => Math.Round(value, Digits, MidpointRounding.AwayFromZero);

    private static double? Hours(double? seconds) => seconds is { } s ? Round(s / 3600) : null;
}
