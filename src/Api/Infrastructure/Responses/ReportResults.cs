using System.Globalization;
using System.Text;
using CustomerCare.Application.ImprovementActions.Queries.GetOverdueImprovementActions;
using CustomerCare.Application.Reports;
using Microsoft.Net.Http.Headers;

namespace CustomerCare.Api.Infrastructure.Responses;

/// <summary>
/// A report as JSON, or as CSV for spreadsheets when the caller's <c>Accept</c> asks for <c>text/csv</c> (RFC 4180: comma
/// separated, quoted where needed, CRLF line ends, UTF-8). Text that a spreadsheet would run as a formula is written with
/// a leading apostrophe.
/// </summary>
public static class ReportResults
{
    public const string Csv = "text/csv";

    public static IResult Negotiate<T>(HttpContext http, T report, string fileName, Func<T, ReportTable> table)
    {
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (!WantsCsv(http.Request))
        {
            return TypedResults.Ok(report);
        }

        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName + ".csv" }.ToString();
        return TypedResults.Text(table(report).ToCsv(), $"{Csv}; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>CSV when text/csv is acceptable and preferred at least as much as JSON.</summary>
    public static bool WantsCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var csv = accept.Where(a => a.MediaType.Equals(Csv, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return csv > 0 && csv >= json;
    }
}

/// <summary>A report flattened to one header and rows of plain values.</summary>
public sealed class ReportTable(params string[] columns)
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<string> Columns { get; } = columns;

    public ReportTable Add(params object?[] row)
    {
        if (row.Length != Columns.Count)
        {
            throw new ArgumentException($"A row of {row.Length} values for {Columns.Count} columns.", nameof(row));
        }

        _rows.Add(row);
        return this;
    }

    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(Line(Columns));
        foreach (var row in _rows)
        {
            csv.Append(Line(row));
        }

        return csv.ToString();
    }

    /// <summary>One CSV record: the values as cells, comma separated, CRLF at the end.</summary>
    public static string Line(IEnumerable<object?> values) => string.Join(',', values.Select(Cell)) + "\r\n";

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string text => Quote(Defuse(text)),
        double number => number.ToString("0.####", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString("0.##", CultureInfo.InvariantCulture),
        Enum member => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.ToString()),
        IFormattable formattable => Quote(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    /// <summary>
    /// Puts an apostrophe before every character with which a spreadsheet could start a formula (<c>= + - @</c>, tab,
    /// carriage return, and their full-width forms): at the start of the cell and after a <c>,</c> or <c>;</c> inside it
    /// (a spreadsheet splitting on either starts a new cell there), leading white space skipped in both cases (OWASP CSV
    /// injection).
    /// </summary>
    public static string Defuse(string text)
    {
        System.Text.StringBuilder? defused = null;
        var cellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (cellStart && c is ' ' or '\u3000')
            {
                defused?.Append(c);
                continue;
            }

            if (cellStart && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".Contains(c))
            {
                defused ??= new System.Text.StringBuilder(text.Length + 4).Append(text, 0, i);
                defused.Append('\'');
            }

            defused?.Append(c);
            cellStart = c is ',' or ';' or '\uFF0C' or '\uFF1B';
        }

        return defused?.ToString() ?? text;
    }

    private static string Quote(string text) => text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}

/// <summary>How each report reads as a table.</summary>
public static class ReportTables
{
    private static readonly string[] IndicatorColumns =
    [
        "group", "label", "count", "share", "complaintRate", "open",
        "firstResponseCount", "firstResponseMedianHours", "firstResponseP90Hours", "resolutionCount", "resolutionMedianHours", "resolutionP90Hours",
        .. Enum.GetNames<Domain.Sla.SlaMilestone>().SelectMany(m => new[] { $"sla.{Camel(m)}.met", $"sla.{Camel(m)}.missed", $"sla.{Camel(m)}.pending", $"sla.{Camel(m)}.compliance" }),
        "reopened", "reopenRate", "reComplaints", "reComplaintRate", "satisfactionResponses", "satisfactionMean",
        "satisfaction1", "satisfaction2", "satisfaction3", "satisfaction4", "satisfaction5",
        "repeats", "repeatRate", "escalated", "escalationRate", "solutionApprovals", "solutionApprovalMedianHours", "solutionApprovalP90Hours",
        "compensation", "compensatedComplaints",
    ];

    public static ReportTable Summary(ComplaintSummaryReport report)
    {
        var table = new ReportTable(["from", "to", .. IndicatorColumns]);
        foreach (var row in report.Groups.Prepend(report.Total))
        {
            table.Add([report.From, report.To, .. Indicators(row)]);
        }

        return table;
    }

    public static ReportTable Trend(ComplaintTrendReport report)
    {
        var table = new ReportTable(["start", "end", .. IndicatorColumns]);
        foreach (var point in report.Points)
        {
            foreach (var row in point.Groups.Prepend(point.Total))
            {
                table.Add([point.Start, point.End, .. Indicators(row)]);
            }
        }

        return table;
    }

    public static ReportTable Hotspots(HotspotsReport report)
    {
        var table = new ReportTable("dimension", "ranking", "rank", "key", "label", "count", "previousCount", "change", "growth", "share", "actions");
        foreach (var (dimension, list) in new[] { ("category", report.Categories), ("cause", report.Causes), ("product", report.Products) })
        {
            foreach (var (ranking, spots) in new[] { ("volume", list.ByVolume), ("growth", list.ByGrowth) })
            {
                var rank = 0;
                foreach (var spot in spots)
                {
                    table.Add(dimension, ranking, ++rank, spot.Key, spot.Label, spot.Count, spot.PreviousCount, spot.Change, spot.Growth, spot.Share,
                        string.Join("; ", spot.Actions.Select(a => $"{a.Title} ({System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.Status.ToString())})")));
                }
            }
        }

        var incidentRank = 0;
        foreach (var incident in report.Incidents)
        {
            table.Add("incident", "complaints", ++incidentRank, incident.Id, incident.Title, incident.Complaints, null, null, null, null, null);
        }

        return table;
    }

    public static ReportTable StaffPerformance(StaffPerformanceReport report)
    {
        var table = new ReportTable("level", "id", "name", "handled", "resolved", "open", "firstResponseMedianHours", "firstResponseP90Hours",
            "resolutionMedianHours", "resolutionP90Hours", "slaMet", "slaMissed", "slaCompliance", "satisfactionResponses", "satisfactionMean");
        foreach (var (level, rows) in new[] { ("department", report.Departments), ("handler", report.Handlers) })
        {
            foreach (var p in rows)
            {
                table.Add(level, p.Id, p.Name, p.Handled, p.Resolved, p.Open, p.FirstResponse.MedianHours, p.FirstResponse.P90Hours,
                    p.Resolution.MedianHours, p.Resolution.P90Hours, p.SlaMet, p.SlaMissed, p.SlaCompliance, p.Satisfaction.Responses, p.Satisfaction.Mean);
            }
        }

        return table;
    }

    public static ReportTable OpenBreaches(OpenBreachesReport report)
    {
        var milestones = Enum.GetValues<Domain.Sla.SlaMilestone>();
        var table = new ReportTable(["departmentId", "department", "complaints", .. milestones.Select(m => Camel(m.ToString())), "overdueSolutionSteps"]);
        foreach (var d in report.Departments)
        {
            table.Add([d.DepartmentId, d.Name, d.Complaints, .. milestones.Select(m => (object?)(d.Milestones.FirstOrDefault(x => x.Milestone == m)?.Complaints ?? 0)), d.OverdueSolutionSteps]);
        }

        return table;
    }

    public static ReportTable OverdueImprovementActions(OverdueImprovementActionsReport report)
    {
        var table = new ReportTable("id", "title", "status", "dueOn", "daysOverdue", "ownerId", "owner", "departmentId", "department", "category", "cause");
        foreach (var a in report.Actions)
        {
            table.Add(a.Id, a.Title, Camel(a.Status.ToString()), a.DueOn, a.DaysOverdue, a.OwnerId, a.OwnerName, a.DepartmentId, a.DepartmentName, a.Category, a.Cause);
        }

        return table;
    }

    private static object?[] Indicators(ComplaintIndicatorsDto i) =>
    [
        i.Key, i.Label, i.Count, i.Share, i.ComplaintRate, i.Open,
        i.FirstResponse.Count, i.FirstResponse.MedianHours, i.FirstResponse.P90Hours, i.Resolution.Count, i.Resolution.MedianHours, i.Resolution.P90Hours,
        .. i.Sla.SelectMany(s => new object?[] { s.Met, s.Missed, s.Pending, s.Compliance }),
        i.Reopen.Count, i.Reopen.Rate, i.ReComplaint.Count, i.ReComplaint.Rate, i.Satisfaction.Responses, i.Satisfaction.Mean,
        .. i.Satisfaction.Distribution.Select(d => (object?)d.Count),
        i.Repeat.Count, i.Repeat.Rate, i.Escalation.Count, i.Escalation.Rate, i.SolutionApproval.Count, i.SolutionApproval.MedianHours, i.SolutionApproval.P90Hours,
        string.Join("; ", i.Compensation.Select(c => $"{c.Currency} {c.Amount.ToString("0.##", CultureInfo.InvariantCulture)}")),
        i.Compensation.Sum(c => c.Complaints),
    ];

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>Documents the CSV form of a report as what it is: text, one header row, then one row per group (or interval and group).</summary>
public sealed class CsvReportOperationFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
        {
            if (response.Content?.TryGetValue(ReportResults.Csv, out var csv) == true && csv is Microsoft.OpenApi.OpenApiMediaType media)
            {
                media.Schema = new Microsoft.OpenApi.OpenApiSchema
                {
                    Type = Microsoft.OpenApi.JsonSchemaType.String,
                    Description = "RFC 4180 CSV (UTF-8, CRLF): a header row naming the columns, then one row per total, group or interval, " +
                        "with the JSON form's figures flattened (e.g. sla.registered.compliance).",
                };
            }
        }
    }
}
