using CustomerCare.Application.Common.Interfaces;
using FluentValidation;
using Mediator;

namespace CustomerCare.Application.Reports.Queries.GetComplaintSummary;

/// <summary>
/// The complaint indicators of a period (complaints received from <see cref="From"/> to <see cref="To"/>, both days
/// included), in total and per group.
/// </summary>
public sealed record GetComplaintSummaryQuery(DateOnly? From, DateOnly? To, ReportDimension? GroupBy) : IQuery<ComplaintSummaryReport>, IReportQuery;

public sealed class GetComplaintSummaryQueryHandler(ReportScopes scopes, IComplaintStatistics statistics)
    : IQueryHandler<GetComplaintSummaryQuery, ComplaintSummaryReport>
{
    public async ValueTask<ComplaintSummaryReport> Handle(GetComplaintSummaryQuery query, CancellationToken cancellationToken)
    {
        var period = await scopes.ResolveAsync(query.From, query.To, cancellationToken);
        var basis = await scopes.RateBasisAsync(cancellationToken);
        var rows = await statistics.IndicatorsAsync(period.Scope, query.GroupBy, null, cancellationToken);
        var compensation = await statistics.CompensationAsync(period.Scope, query.GroupBy, null, cancellationToken);
        var totalRow = rows.SingleOrDefault(r => r.IsTotal) ?? Indicators.Empty(null, null);
        var total = Indicators.From(totalRow, totalRow.Count, basis, compensation);
        var groups = rows.Where(r => !r.IsTotal)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label ?? r.Key, StringComparer.Ordinal)
            .Select(r => Indicators.From(r, totalRow.Count, basis, compensation))
            .ToList();
        return new ComplaintSummaryReport(period.From, period.To, period.Scope.TimeZoneId, query.GroupBy, basis, total, groups);
    }
}
