using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Exceptions;
using Mediator;

namespace CustomerCare.Application.Reports.Queries.GetComplaintTrend;

/// <summary>The same indicators per day, week (from Monday) or month, with every interval present.</summary>
public sealed record GetComplaintTrendQuery(DateOnly? From, DateOnly? To, TrendInterval Interval, ReportDimension? GroupBy) : IQuery<ComplaintTrendReport>, IReportQuery;

public sealed class GetComplaintTrendQueryHandler(ReportScopes scopes, IComplaintStatistics statistics)
    : IQueryHandler<GetComplaintTrendQuery, ComplaintTrendReport>
{
    /// <summary>More points than this would not make a readable chart (a year and a month of days).</summary>
    public const int MaxPoints = 400;

    public async ValueTask<ComplaintTrendReport> Handle(GetComplaintTrendQuery query, CancellationToken cancellationToken)
    {
        var period = await scopes.ResolveAsync(query.From, query.To, cancellationToken);
        var buckets = Buckets(period.From, period.To, query.Interval).ToList();
        if (buckets.Count > MaxPoints)
        {
            throw new ValidationException("interval", $"By {query.Interval} the period has {buckets.Count} points; at most {MaxPoints}: choose a longer interval.");
        }

        var basis = await scopes.RateBasisAsync(cancellationToken);
        var rows = await statistics.IndicatorsAsync(period.Scope, query.GroupBy, query.Interval, cancellationToken);
        var compensation = await statistics.CompensationAsync(period.Scope, query.GroupBy, query.Interval, cancellationToken);

        // Every group met anywhere in the period, largest first, appears in every interval.
        var groups = rows.Where(r => !r.IsTotal).GroupBy(r => r.Key)
            .Select(g => (Key: g.Key, Label: g.First().Label, Count: g.Sum(r => r.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label ?? g.Key, StringComparer.Ordinal).ToList();
        var points = buckets.Select(bucket =>
        {
            var inBucket = rows.Where(r => r.Bucket == bucket.Key).ToList();
            var totalRow = inBucket.SingleOrDefault(r => r.IsTotal) ?? Indicators.Empty(null, null);
            return new TrendPointDto(bucket.Start, bucket.End,
                Indicators.From(totalRow, totalRow.Count, basis, compensation),
                groups.Select(g => Indicators.From(
                    inBucket.SingleOrDefault(r => !r.IsTotal && r.Key == g.Key) ?? Indicators.Empty(g.Key, g.Label), totalRow.Count, basis, compensation)).ToList());
        }).ToList();
        return new ComplaintTrendReport(period.From, period.To, period.Scope.TimeZoneId, query.Interval, query.GroupBy, basis, points);
    }

    /// <summary>The intervals covering the period: the database's bucket key (the interval's first day) and the part inside the period.</summary>
    public static IEnumerable<(DateOnly Key, DateOnly Start, DateOnly End)> Buckets(DateOnly from, DateOnly to, TrendInterval interval)
    {
        var key = interval switch
        {
            TrendInterval.Day => from,
            TrendInterval.Week => from.AddDays(-(((int)from.DayOfWeek + 6) % 7)),
            _ => new DateOnly(from.Year, from.Month, 1),
        };
        while (key <= to)
        {
            var next = interval switch
            {
                TrendInterval.Day => key.AddDays(1),
                TrendInterval.Week => key.AddDays(7),
                _ => key.AddMonths(1),
            };
            yield return (key, key < from ? from : key, next.AddDays(-1) > to ? to : next.AddDays(-1));
            key = next;
        }
    }
}
