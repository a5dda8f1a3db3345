using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Reports;
using CustomerCare.Application.Reports.Queries.GetComplaintHotspots;
using CustomerCare.Application.Reports.Queries.GetComplaintSummary;
using CustomerCare.Application.Reports.Queries.GetComplaintTrend;
using CustomerCare.Application.Reports.Queries.GetOpenBreaches;
using CustomerCare.Application.Reports.Queries.GetStaffPerformance;
using CustomerCare.Application.ImprovementActions.Queries.GetOverdueImprovementActions;
using Mediator;

namespace CustomerCare.Api.Endpoints;

public sealed class Reports : IEndpointGroup
{
    private const string Period =
        "The period is `from`–`to`, calendar days both included in the business calendar's time zone (by default this quarter up to " +
        "today); it counts the complaints received in it. Times are working hours on the business calendar. Supervisors see their " +
        "departments' complaints, managers and administrators all. Send `Accept: text/csv` for a spreadsheet.";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.SupervisorOrAbove).ProducesAuthProblems();

        group.MapGet("/complaints/summary", GetComplaintSummary).WithName(nameof(GetComplaintSummary))
            .WithSummary("Complaint indicators of a period, in total and per group: volume, share, complaint rate, first-response and resolution " +
                "times (median, p90), SLA compliance per milestone, reopen, re-complaint, repeat and escalation rates, solution-approval times, compensation per currency, satisfaction")
            .WithDescription(Period).Produces<ComplaintSummaryReport>(StatusCodes.Status200OK, "application/json", ReportResults.Csv).ProducesValidationProblem();
        group.MapGet("/complaints/trend", GetComplaintTrend).WithName(nameof(GetComplaintTrend))
            .WithSummary("The same indicators per day, week (from Monday) or month, every interval present (zeros where there were none)")
            .WithDescription(Period).Produces<ComplaintTrendReport>(StatusCodes.Status200OK, "application/json", ReportResults.Csv).ProducesValidationProblem();
        group.MapGet("/complaints/hotspots", GetComplaintHotspots).WithName(nameof(GetComplaintHotspots))
            .WithSummary("Top categories, causes and products by volume, and by growth against the equally long period before")
            .WithDescription(Period).Produces<HotspotsReport>(StatusCodes.Status200OK, "application/json", ReportResults.Csv).ProducesValidationProblem();
        group.MapGet("/complaints/open-breaches", GetOpenBreaches).WithName(nameof(GetOpenBreaches))
            .WithSummary("Open complaints with a missed milestone now, per responsible department and milestone")
            .Produces<OpenBreachesReport>(StatusCodes.Status200OK, "application/json", ReportResults.Csv);
        group.MapGet("/staff/performance", GetStaffPerformance).WithName(nameof(GetStaffPerformance))
            .WithSummary("Per responsible department and per assigned handler: complaints handled, resolved, open, median times, SLA compliance, satisfaction")
            .WithDescription(Period).Produces<StaffPerformanceReport>(StatusCodes.Status200OK, "application/json", ReportResults.Csv).ProducesValidationProblem();
        group.MapGet("/improvement-actions/overdue", GetOverdueImprovementActions).WithName(nameof(GetOverdueImprovementActions))
            .WithSummary("Improvement actions still open past their due day (in the business calendar's time zone), most overdue first, with owner and department")
            .Produces<OverdueImprovementActionsReport>(StatusCodes.Status200OK, "application/json", ReportResults.Csv);
    }

    public static async Task<IResult> GetComplaintSummary(
        HttpContext http, ISender sender, CancellationToken ct, DateOnly? from = null, DateOnly? to = null,
        [EnumQuery(typeof(ReportDimension))] string? groupBy = null)
    {
        var report = await sender.Send(new GetComplaintSummaryQuery(from, to, EnumQuery.Parse<ReportDimension>(groupBy, nameof(groupBy))), ct);
        return ReportResults.Negotiate(http, report, $"complaints-summary-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}", ReportTables.Summary);
    }

    public static async Task<IResult> GetComplaintTrend(
        HttpContext http, ISender sender, CancellationToken ct, DateOnly? from = null, DateOnly? to = null,
        [EnumQuery(typeof(TrendInterval))] string? interval = null, [EnumQuery(typeof(ReportDimension))] string? groupBy = null)
    {
        var report = await sender.Send(new GetComplaintTrendQuery(from, to,
            EnumQuery.Parse<TrendInterval>(interval, nameof(interval)) ?? TrendInterval.Week, EnumQuery.Parse<ReportDimension>(groupBy, nameof(groupBy))), ct);
        return ReportResults.Negotiate(http, report, $"complaints-trend-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}", ReportTables.Trend);
    }

    public static async Task<IResult> GetComplaintHotspots(
        HttpContext http, ISender sender, CancellationToken ct, DateOnly? from = null, DateOnly? to = null,
        [Range(1, GetComplaintHotspotsQueryValidator.MaxTop)] int top = 5)
    {
        var report = await sender.Send(new GetComplaintHotspotsQuery(from, to, top), ct);
        return ReportResults.Negotiate(http, report, $"complaint-hotspots-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}", ReportTables.Hotspots);
    }

    public static async Task<IResult> GetOverdueImprovementActions(HttpContext http, ISender sender, CancellationToken ct)
    {
        var report = await sender.Send(new GetOverdueImprovementActionsQuery(), ct);
        return ReportResults.Negotiate(http, report, $"overdue-improvement-actions-{report.Today:yyyy-MM-dd}", ReportTables.OverdueImprovementActions);
    }

    public static async Task<IResult> GetOpenBreaches(HttpContext http, ISender sender, CancellationToken ct)
    {
        var report = await sender.Send(new GetOpenBreachesQuery(), ct);
        return ReportResults.Negotiate(http, report, $"open-breaches-{report.At:yyyy-MM-dd}", ReportTables.OpenBreaches);
    }

    public static async Task<IResult> GetStaffPerformance(HttpContext http, ISender sender, CancellationToken ct, DateOnly? from = null, DateOnly? to = null)
    {
        var report = await sender.Send(new GetStaffPerformanceQuery(from, to), ct);
        return ReportResults.Negotiate(http, report, $"staff-performance-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}", ReportTables.StaffPerformance);
    }
}
