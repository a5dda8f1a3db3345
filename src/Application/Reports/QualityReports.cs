using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using FluentValidation;
using Mediator;

namespace CustomerCare.Application.Reports;

/// <summary>
/// The categories, root causes and products with most complaints in the period, and those that grew most against the
/// equally long period just before it.
/// </summary>
public sealed record GetComplaintHotspotsQuery(DateOnly? From, DateOnly? To, int Top) : IQuery<HotspotsReport>;

/// <summary>Per responsible department and per assigned handler: handled, resolved, median times, service levels, satisfaction.</summary>
public sealed record GetStaffPerformanceQuery(DateOnly? From, DateOnly? To) : IQuery<StaffPerformanceReport>;

/// <summary>Open complaints with a missed milestone right now, per responsible department.</summary>
public sealed record GetOpenBreachesQuery : IQuery<OpenBreachesReport>;

public sealed class GetComplaintHotspotsQueryValidator : AbstractValidator<GetComplaintHotspotsQuery>
{
    public const int MaxTop = 50;

    public GetComplaintHotspotsQueryValidator()
    {
        RuleFor(q => q.Top).InclusiveBetween(1, MaxTop);
        this.AddPeriodRules(q => q.From, q => q.To);
    }
}

public sealed class GetStaffPerformanceQueryValidator : AbstractValidator<GetStaffPerformanceQuery>
{
    public GetStaffPerformanceQueryValidator() => this.AddPeriodRules(q => q.From, q => q.To);
}

public sealed class GetOpenBreachesQueryValidator : AbstractValidator<GetOpenBreachesQuery>;

public sealed class GetComplaintHotspotsQueryHandler(ReportScopes scopes, IComplaintStatistics statistics)
    : IQueryHandler<GetComplaintHotspotsQuery, HotspotsReport>
{
    public async ValueTask<HotspotsReport> Handle(GetComplaintHotspotsQuery query, CancellationToken cancellationToken)
    {
        var period = await scopes.ResolveAsync(query.From, query.To, cancellationToken);
        var previousTo = period.From.AddDays(-1);
        var previousFrom = period.From.AddDays(-period.Days);
        var previousStart = period.Scope.From - (period.Scope.To - period.Scope.From);
        var total = await statistics.CountAsync(period.Scope, cancellationToken);

        async Task<HotspotListDto> ListAsync(HotspotDimension dimension)
        {
            var rows = await statistics.HotspotsAsync(period.Scope, dimension, previousStart, cancellationToken);
            var spots = rows.Select(r => new HotspotDto(r.Key, r.Label, r.Current, r.Previous, r.Current - r.Previous,
                r.Previous == 0 ? null : Indicators.Round((double)(r.Current - r.Previous) / r.Previous), Indicators.Ratio(r.Current, total) ?? 0)).ToList();
            return new HotspotListDto(
                spots.Where(s => s.Count > 0).OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal).Take(query.Top).ToList(),
                spots.Where(s => s.Change > 0).OrderByDescending(s => s.Change).ThenByDescending(s => s.Growth ?? double.MaxValue)
                    .ThenBy(s => s.Label, StringComparer.Ordinal).Take(query.Top).ToList());
        }

        return new HotspotsReport(period.From, period.To, previousFrom, previousTo,
            await ListAsync(HotspotDimension.Category), await ListAsync(HotspotDimension.RootCause), await ListAsync(HotspotDimension.Product));
    }
}

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

public sealed class GetOpenBreachesQueryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IComplaintStatistics statistics)
    : IQueryHandler<GetOpenBreachesQuery, OpenBreachesReport>
{
    public async ValueTask<OpenBreachesReport> Handle(GetOpenBreachesQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await statistics.OpenBreachesAsync(await db.VisibilityAsync(user, cancellationToken), now, cancellationToken);
        var departments = rows.Where(r => r.Milestone is null)
            .Select(d => new DepartmentBreachesDto(d.DepartmentId, d.DepartmentName ?? "No department", d.Complaints,
                rows.Where(m => m.Milestone is not null && m.DepartmentId == d.DepartmentId)
                    .OrderBy(m => m.Milestone).Select(m => new MilestoneCountDto(m.Milestone!.Value, m.Complaints)).ToList()))
            .OrderByDescending(d => d.Complaints).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        return new OpenBreachesReport(now, departments.Sum(d => d.Complaints), departments);
    }
}
