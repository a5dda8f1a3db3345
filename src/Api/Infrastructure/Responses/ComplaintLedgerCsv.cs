using System.Text;
using System.Text.Json;
using CustomerCare.Application.Complaints.Queries.ExportComplaints;
using CustomerCare.Application.Complaints.Queries.ListComplaints;
using CustomerCare.Domain.Sla;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace CustomerCare.Api.Infrastructure.Responses;

/// <summary>
/// The complaint list as a CSV ledger (投诉台账): every complaint the filters find, oldest first, one row each with its
/// clocks, written page by page as the database gives them (memory holds one page, whatever the size of the export).
/// </summary>
public sealed class ComplaintLedgerCsv(ISender sender, ListComplaintsQuery filter, int pageSize, IReadOnlyList<ComplaintLedgerRow> firstPage) : IResult
{
    private static readonly SlaMilestone[] Milestones = Enum.GetValues<SlaMilestone>();

    private static readonly string[] Columns =
    [
        "number", "receivedAt", "status", "channel", "category", "severity", "scope", "product", "location", "title", "department", "assignee",
        "escalationLevel", "keyCustomer", "repeatCount", "reopenCount", "resolvedAt", "closedAt", "satisfaction", "compensationAmount", "compensationCurrency",
        .. Milestones.SelectMany(m => new[] { $"{Camel(m)}.dueAt", $"{Camel(m)}.metAt", $"{Camel(m)}.state" }),
    ];

    /// <summary>Reads the first page first, so that a refusal (403, 400) is still a problem response, not a broken file.</summary>
    public static async Task<ComplaintLedgerCsv> StartAsync(ISender sender, ListComplaintsQuery filter, int pageSize, CancellationToken ct) =>
        new(sender, filter, pageSize, await sender.Send(new ExportComplaintsQuery(filter, null, null, pageSize), ct));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        response.ContentType = $"{ReportResults.Csv}; charset=utf-8";
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"complaints-{DateTimeOffset.UtcNow:yyyy-MM-dd}.csv",
        }.ToString();
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(ReportTable.Line(Columns));
        var page = firstPage;
        while (page.Count > 0)
        {
            foreach (var row in page)
            {
                await writer.WriteAsync(ReportTable.Line(Cells(row)));
            }

            await writer.FlushAsync(ct);
            if (page.Count < pageSize)
            {
                break;
            }

            page = await sender.Send(new ExportComplaintsQuery(filter, page[^1].ReceivedAt, page[^1].Id, pageSize), ct);
        }
    }

    private static IEnumerable<object?> Cells(ComplaintLedgerRow c)
    {
        object?[] cells =
        [
            c.Number, c.ReceivedAt, c.Status, c.Channel, c.Category, c.Severity, c.Scope, c.Product, c.Location, c.Title, c.Department, c.Assignee,
            c.EscalationLevel, c.KeyCustomer, c.RepeatCount, c.ReopenCount, c.ResolvedAt, c.ClosedAt, c.Satisfaction, c.CompensationAmount, c.CompensationCurrency,
        ];
        return cells.Concat(Milestones.SelectMany(m => c.Clocks.FirstOrDefault(k => k.Milestone == m) is { } clock
            ? new object?[] { clock.DueAt, clock.MetAt, clock.State }
            : [null, null, null]));
    }

    private static string Camel(SlaMilestone milestone) => JsonNamingPolicy.CamelCase.ConvertName(milestone.ToString());
}
