using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Sla;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>
/// A small, fixed history played through the API on a host whose clock the data set moves, so that every indicator can
/// be worked out by hand. Calendar: Asia/Shanghai, Monday to Friday 09:00–18:00, Wednesday 2026-03-04 a holiday; SLA
/// targets the defaults (registered 1 h, assigned 2 h, first contact 24 hours of the wall clock, solution 3 days / major 5
/// days, feedback 3 days, resolved end to end 6 / major 8 days from receipt). All times below are Shanghai time.
/// <list type="table">
/// <item>C0 (Feb 16, Mon 10:00) phone, serviceAttitude, product toaster-t1: the previous period, left received.</item>
/// <item>C1 (Mar 2, Mon 09:00) phone, general: registered 09:30 → productQuality (Quality), assigned to handler A (Quality) 10:00, outbound
/// contact 11:00 (first response 2 h), investigated 14:00 (root cause "Supplier batch 42"), solution 15:00, accepted 16:00,
/// resolved Tue 10:00 (resolution 9 h + 1 h = 10 h), closed resolved with satisfaction 5 at 10:30. Every clock met.</item>
/// <item>C2 (Mar 2, Mon 17:00) email: registered Tue 09:30 as productQuality, major (1.5 working hours: missed), assigned to
/// handler B (Quality) 09:45 (met), contact Thu 10:00 (due Thu 09:30, Wednesday being a holiday: missed; first response 1 + 9 + 1 = 11 h),
/// investigated 11:00 (root cause " supplier batch 42 "), solution 12:00 (met), accepted 13:00, resolved 14:00 (feedback met),
/// reopened Fri 10:00, solution 11:00, accepted 12:00, resolved Mon 9 10:00 (resolution 1 + 9 + 9 + 9 + 1 = 29 h), closed with
/// satisfaction 2 at 11:00.</item>
/// <item>C3 (Mar 10, Tue 09:00) phone: registered 09:20 as serviceAttitude (CS, met); no handler by 11:20, the breach scan at
/// 12:00 records the missed assignment; closed withdrawn with satisfaction 4 at 15:00 (its other clocks count in none).</item>
/// <item>C4 (Mar 11, Wed 09:00) phone: C1's customer re-complains (productQuality, kettle-k2 inherited), left received: its
/// registration (due 10:00) is missed by the report time. Quality has no department above it and there is no manager,
/// so the re-complaint stays with Quality.</item>
/// <item>C5 (Mar 30, Mon 10:00) webForm, priceBilling, product toaster-t1: registered 10:10 (met), no handler or contact by the
/// report time (both missed), solution due Thu Apr 2 10:10 (pending).</item>
/// </list>
/// The clock then stands at Wed 2026-04-01 10:00, where the SLA worker records the breaches of C0, C4 and C5 as it
/// would. Five customers, one per complaint but C4 (C1's).
/// </summary>
public sealed class ReportDataSet : IAsyncDisposable
{
    public static readonly DateTimeOffset ReportTime = Local("2026-04-01 10:00");

    private readonly FakeTimeProvider _clock = new(Local("2026-02-16 10:00"));
    private WebApplicationFactory<Program> _host = null!;

    public HttpClient Admin { get; private set; } = null!;

    public Guid HandlerA { get; private set; }

    public Guid HandlerB { get; private set; }

    public Dictionary<string, Guid> Complaints { get; } = [];

    public Dictionary<string, Guid> Customers { get; } = [];

    /// <summary>The API at the data set's clock, for reports asked "now" (the open-breach report, overdue clocks).</summary>
    public WebApplicationFactory<Program> Host => _host;

    public static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<ReportDataSet> PlayAsync()
    {
        var set = new ReportDataSet();
        await set.PlayHistoryAsync();
        return set;
    }

    private async Task PlayHistoryAsync()
    {
        _host = Testing.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        Admin = _host.CreateClient();
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));
        var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.ToDictionary(d => d, _ => new[] { "09:00-18:00" });
        (await Admin.PutAsJsonAsync("/api/v1/settings/calendar",
            new { timeZone = "Asia/Shanghai", workingHours = weekdays, holidays = new[] { "2026-03-04" }, makeUpWorkingDays = Array.Empty<string>() }))
            .EnsureSuccessStatusCode();
        HandlerA = (await ApiClient.CreateStaffAsync("agent", await ApiClient.DepartmentIdAsync("QA"))).Id;
        HandlerB = (await ApiClient.CreateStaffAsync("agent", await ApiClient.DepartmentIdAsync("QA"))).Id;
        var api = new ComplaintApi(Admin);

        // In the order it happened: the clock only moves forward.

        await ReceiveAsync(api, "C0", "2026-02-16 10:00", "phone", "138 0000 0000", "serviceAttitude", "toaster-t1");

        var c1 = await ReceiveAsync(api, "C1", "2026-03-02 09:00", "phone", "138 0000 0001", null, "kettle-k2");
        await StepAsync(api, c1, "2026-03-02 09:30", "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        await StepAsync(api, c1, "2026-03-02 10:00", "assign", new { assigneeId = HandlerA, reason = "Kettle specialist" });
        await StepAsync(api, c1, "2026-03-02 11:00", "contacts", new { channel = "phone", direction = "outbound", summary = "Called back" });
        await StepAsync(api, c1, "2026-03-02 14:00", "investigation", new { findings = "Seal faulty", cause = "terminal", rootCause = "Supplier batch 42", isGenuine = true });
        await StepAsync(api, c1, "2026-03-02 15:00", "solution", new { summary = "Replace the kettle", communicatedVia = "phone" });
        await StepAsync(api, c1, "2026-03-02 16:00", "customer-response", new { accepted = true });

        var c2 = await ReceiveAsync(api, "C2", "2026-03-02 17:00", "email", "138 0000 0002", null, "kettle-k2");
        await StepAsync(api, c2, "2026-03-03 09:30", "register", new { category = "productQuality", severity = "major", customerAcknowledged = true });
        await StepAsync(api, c2, "2026-03-03 09:45", "assign", new { assigneeId = HandlerB, reason = "Quality engineer" });
        await StepAsync(api, c1, "2026-03-03 10:00", "resolve", new { outcome = "Replaced", fedBackVia = "phone" });
        await StepAsync(api, c1, "2026-03-03 10:30", "close", new { reason = "resolved", satisfaction = 5 });
        await StepAsync(api, c2, "2026-03-05 10:00", "contacts", new { channel = "email", direction = "outbound", summary = "Wrote back" });
        await StepAsync(api, c2, "2026-03-05 11:00", "investigation", new { findings = "Seal faulty", cause = "terminal", rootCause = " supplier batch 42 ", isGenuine = true });
        await StepAsync(api, c2, "2026-03-05 12:00", "solution", new { summary = "Replace the kettle", communicatedVia = "email" });
        await StepAsync(api, c2, "2026-03-05 13:00", "customer-response", new { accepted = true });
        await StepAsync(api, c2, "2026-03-05 14:00", "resolve", new { outcome = "Replaced", fedBackVia = "phone" });
        await StepAsync(api, c2, "2026-03-06 10:00", "reopen", new { reason = "The new one leaks too" });
        await StepAsync(api, c2, "2026-03-06 11:00", "solution", new { summary = "Refund", communicatedVia = "email" });
        await StepAsync(api, c2, "2026-03-06 12:00", "customer-response", new { accepted = true });
        await StepAsync(api, c2, "2026-03-09 10:00", "resolve", new { outcome = "Refunded", fedBackVia = "phone" });
        await StepAsync(api, c2, "2026-03-09 11:00", "close", new { reason = "resolved", satisfaction = 2 });

        var c3 = await ReceiveAsync(api, "C3", "2026-03-10 09:00", "phone", "138 0000 0003", null, null);
        await StepAsync(api, c3, "2026-03-10 09:20", "register", new { category = "serviceAttitude", severity = "general", customerAcknowledged = true });
        At("2026-03-10 12:00");
        await ScanAsync();

        await StepAsync(api, c3, "2026-03-10 15:00", "close", new { reason = "withdrawn", satisfaction = 4 });

        At("2026-03-11 09:00");
        var recomplaint = await api.ActAsync(c1, "re-complaints", new { description = "The replacement leaks as well", channel = "phone" });
        await recomplaint.AssertStatusAsync(HttpStatusCode.Created);
        Complaints["C4"] = (await recomplaint.ReadJsonAsync()).GetProperty("id").GetGuid();

        var c5 = await ReceiveAsync(api, "C5", "2026-03-30 10:00", "webForm", "138 0000 0005", null, "toaster-t1");
        await StepAsync(api, c5, "2026-03-30 10:10", "register", new { category = "priceBilling", severity = "general", customerAcknowledged = true });

        _clock.SetUtcNow(ReportTime);
        await ScanAsync();
    }

    /// <summary>The SLA worker's pass at the data set's clock: overdue clocks of open complaints are recorded as breached.</summary>
    private async Task ScanAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SlaScanner>().ScanOnceAsync(CancellationToken.None);
    }

    private async Task<Guid> ReceiveAsync(ComplaintApi api, string name, string at, string channel, string phone, string? category, string? product)
    {
        At(at);
        var created = await api.ReceiveAsync(new
        {
            channel,
            customer = new { name = $"Customer {name}", phone },
            title = $"Complaint {name}",
            description = "Something went wrong.",
            category,
            product,
        });
        Complaints[name] = created.GetProperty("id").GetGuid();
        Customers[name] = created.GetProperty("customerId").GetGuid();
        return Complaints[name];
    }

    private async Task StepAsync(ComplaintApi api, Guid id, string at, string action, object body)
    {
        At(at);
        var response = await api.ActAsync(id, action, body);
        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    private void At(string local) => _clock.SetUtcNow(Local(local));

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _host.DisposeAsync();
    }
}
