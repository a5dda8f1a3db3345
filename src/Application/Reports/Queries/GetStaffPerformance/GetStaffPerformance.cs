using CustomerCare.Application.Common.Interfaces;
using FluentValidation;
using Mediator;

namespace CustomerCare.Application.Reports.Queries.GetStaffPerformance;

/// <summary>Per responsible department and per assigned handler: handled, resolved, median times, service levels, satisfaction.</summary>
public sealed record GetStaffPerformanceQuery(DateOnly? From, DateOnly? To) : IQuery<StaffPerformanceReport>, IReportQuery;

public sealed class GetStaffPerformanceQueryHandler(ReportScopes scopes, IComplaintStatistics statistics)
    : IQueryHandler<GetStaffPerformanceQuery, StaffPerformanceReport>
{
    public async ValueTask<StaffPerformanceReport> Handle(GetStaffPerformanceQuery query, CancellationToken cancellationToken)
    {
        var period = await scopes.ResolveAsync(query.From, query.To, cancellationToken);

        async Task<List<PerformanceDto>> PerAsync(ReportDimension dimension, string unassigned)
        {
            var rows = await statistics.IndicatorsAsync(period.Scope, dimension, null, cancellationToken);
            return rows.Where(r => !r.IsTotal).Select(r =>
            {
                int met = r.Clocks.Sum(c => c.Met), missed = r.Clocks.Sum(c => c.Missed);
                return new PerformanceDto(r.Key, r.Label ?? unassigned, r.Count, r.EverResolved, r.Open,
                    Indicators.Duration(r.FirstResponses, r.FirstResponseMedian, r.FirstResponseP90),
                    Indicators.Duration(r.Resolutions, r.ResolutionMedian, r.ResolutionP90),
                    met, missed, Indicators.Ratio(met, met + missed), Indicators.Satisfaction(r.Satisfaction));
            }).OrderByDescending(p => p.Handled).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        }

        return new StaffPerformanceReport(period.From, period.To, period.Scope.TimeZoneId,
            await PerAsync(ReportDimension.Department, "No department"), await PerAsync(ReportDimension.Handler, "Not assigned"));
    }
}
