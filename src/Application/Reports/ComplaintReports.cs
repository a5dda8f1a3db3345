using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;
using FluentValidation;
using Mediator;

namespace CustomerCare.Application.Reports;

/// <summary>
/// The complaint indicators of a period (complaints received from <see cref="From"/> to <see cref="To"/>, both days
/// included), in total and per group.
/// </summary>
public sealed record GetComplaintSummaryQuery(DateOnly? From, DateOnly? To, ReportDimension? GroupBy) : IQuery<ComplaintSummaryReport>;

/// <summary>The same indicators per day, week (from Monday) or month, with every interval present.</summary>
public sealed record GetComplaintTrendQuery(DateOnly? From, DateOnly? To, TrendInterval Interval, ReportDimension? GroupBy) : IQuery<ComplaintTrendReport>;

public sealed class GetComplaintSummaryQueryValidator : AbstractValidator<GetComplaintSummaryQuery>
{
    public GetComplaintSummaryQueryValidator()
    {
        RuleFor(q => q.GroupBy).IsInEnum();
        this.AddPeriodRules(q => q.From, q => q.To);
    }
}

public sealed class GetComplaintTrendQueryValidator : AbstractValidator<GetComplaintTrendQuery>
{
    public GetComplaintTrendQueryValidator()
    {
        RuleFor(q => q.Interval).IsInEnum();
        RuleFor(q => q.GroupBy).IsInEnum();
        this.AddPeriodRules(q => q.From, q => q.To);
    }
}

public sealed class GetComplaintSummaryQueryHandler(ReportScopes scopes, IComplaintStatistics statistics)
    : IQueryHandler<GetComplaintSummaryQuery, ComplaintSummaryReport>
{
    public async ValueTask<ComplaintSummaryReport> Handle(GetComplaintSummaryQuery query, CancellationToken cancellationToken)
    {
        var period = await scopes.ResolveAsync(query.From, query.To, cancellationToken);
        var basis = await scopes.RateBasisAsync(cancellationToken);
        var rows = await statistics.IndicatorsAsync(period.Scope, query.GroupBy, null, cancellationToken);
        var totalRow = rows.SingleOrDefault(r => r.IsTotal) ?? Indicators.Empty(null, null);
        var total = Indicators.From(totalRow, totalRow.Count, basis);
        var groups = rows.Where(r => !r.IsTotal)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label ?? r.Key, StringComparer.Ordinal)
            .Select(r => Indicators.From(r, totalRow.Count, basis))
            .ToList();
        return new ComplaintSummaryReport(period.From, period.To, period.Scope.TimeZoneId, query.GroupBy, basis, total, groups);
    }
}

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
            throw new ValidationException("interval", $"The period has {buckets.Count} {query.Interval.ToString().ToLowerInvariant()}s; at most {MaxPoints} points: choose a longer interval.");
        }

        var basis = await scopes.RateBasisAsync(cancellationToken);
        var rows = await statistics.IndicatorsAsync(period.Scope, query.GroupBy, query.Interval, cancellationToken);

        // Every group met anywhere in the period, largest first, appears in every interval.
        var groups = rows.Where(r => !r.IsTotal).GroupBy(r => r.Key)
            .Select(g => (Key: g.Key, Label: g.First().Label, Count: g.Sum(r => r.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label ?? g.Key, StringComparer.Ordinal).ToList();
        var points = buckets.Select(bucket =>
        {
            var inBucket = rows.Where(r => r.Bucket == bucket.Key).ToList();
            var totalRow = inBucket.SingleOrDefault(r => r.IsTotal) ?? Indicators.Empty(null, null);
            return new TrendPointDto(bucket.Start, bucket.End,
                Indicators.From(totalRow, totalRow.Count, basis),
                groups.Select(g => Indicators.From(
                    inBucket.SingleOrDefault(r => !r.IsTotal && r.Key == g.Key) ?? Indicators.Empty(g.Key, g.Label), totalRow.Count, basis)).ToList());
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
