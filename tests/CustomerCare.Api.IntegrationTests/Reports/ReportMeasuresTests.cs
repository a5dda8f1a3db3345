using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Sla;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>
/// The texts' own indicators, worked out by hand on a week of March 2026 (Shanghai, Monday to Friday 09:00–18:00):
/// <list type="bullet">
/// <item>R1 (Mon 09:00, customer P): productQuality, general; resolved with 5.50 USD compensation.</item>
/// <item>R2 (Mon 10:00, customer P again, same category): a repeat of R1; major; its handler's solution submitted 11:00 waits
/// for the Quality supervisor until 14:00 (3 working hours); resolved with 200 CNY.</item>
/// <item>R3 (Tue 09:00, customer Q): priceBilling, registered 09:05 and left unassigned: the scan at 11:30 records the missed
/// assignment (due 11:05) and escalates it one level.</item>
/// </list>
/// </summary>
public class ReportMeasuresTests : IntegrationTest
{
    private readonly FakeTimeProvider _clock = new(Local("2026-03-09 08:00"));
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _admin = null!;

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [SetUp]
    public async Task StartHostAsync()
    {
        _host = Testing.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _admin = await SignedInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword);
        var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.ToDictionary(d => d, _ => new[] { "09:00-18:00" });
        (await _admin.PutAsJsonAsync("/api/v1/settings/calendar",
            new { timeZone = "Asia/Shanghai", workingHours = weekdays, holidays = Array.Empty<string>(), makeUpWorkingDays = Array.Empty<string>() }))
            .EnsureSuccessStatusCode();
    }

    [TearDown]
    public async Task StopHostAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiClient.SignInAsync(email, password));
        return client;
    }

    private async Task StepAsync(ComplaintApi api, Guid id, string at, string action, object body)
    {
        _clock.SetUtcNow(Local(at));
        await (await api.ActAsync(id, action, body)).AssertStatusAsync(HttpStatusCode.OK);
    }

    private async Task<Guid> ReceiveAsync(ComplaintApi api, string at, string phone)
    {
        _clock.SetUtcNow(Local(at));
        return (await api.ReceiveAsync(new { channel = "phone", customer = new { name = "Customer " + phone[^4..], phone }, title = "Kettle leaks", description = "It leaks." }))
            .GetProperty("id").GetGuid();
    }

    private async Task PlayAsync()
    {
        var qa = await ApiClient.DepartmentIdAsync("QA");
        var (handlerId, handlerEmail) = await ApiClient.CreateStaffAsync("agent", qa);
        var (_, headEmail) = await ApiClient.CreateStaffAsync("supervisor", qa);
        using var handlerClient = await SignedInAsync(handlerEmail, ApiClient.StaffPassword);
        using var headClient = await SignedInAsync(headEmail, ApiClient.StaffPassword);
        var admin = new ComplaintApi(_admin);
        var handler = new ComplaintApi(handlerClient);
        var contact = new { channel = "phone", direction = "outbound", summary = "Called back" };
        var solution = new { summary = "Replace it", communicatedVia = "phone" };

        var r1 = await ReceiveAsync(admin, "2026-03-09 09:00", "138 0000 1001");
        await StepAsync(admin, r1, "2026-03-09 09:10", "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        await StepAsync(admin, r1, "2026-03-09 09:20", "assign", new { assigneeId = handlerId, reason = "Quality" });
        await StepAsync(admin, r1, "2026-03-09 09:30", "contacts", contact);

        var r2 = await ReceiveAsync(admin, "2026-03-09 10:00", "138 0000 1001");
        await StepAsync(admin, r2, "2026-03-09 10:10", "register", new { category = "productQuality", severity = "major", customerAcknowledged = true });
        await StepAsync(admin, r2, "2026-03-09 10:20", "assign", new { assigneeId = handlerId, reason = "Quality" });
        await StepAsync(handler, r2, "2026-03-09 10:30", "contacts", contact);
        await StepAsync(handler, r2, "2026-03-09 10:40", "investigation", ComplaintApi.Investigation);
        await StepAsync(handler, r2, "2026-03-09 11:00", "solution", solution);
        await StepAsync(new ComplaintApi(headClient), r2, "2026-03-09 14:00", "solution/approve", new { });
        await StepAsync(handler, r2, "2026-03-09 15:00", "customer-response", new { accepted = true });
        await StepAsync(handler, r2, "2026-03-09 16:00", "resolve", new { outcome = "Refunded", compensationAmount = 200, compensationCurrency = "CNY", fedBackVia = "phone" });

        await StepAsync(admin, r1, "2026-03-09 16:10", "investigation", ComplaintApi.Investigation);
        await StepAsync(admin, r1, "2026-03-09 16:20", "solution", solution);
        await StepAsync(admin, r1, "2026-03-09 16:30", "customer-response", new { accepted = true });
        await StepAsync(admin, r1, "2026-03-09 16:40", "resolve", new { outcome = "Replaced", compensationAmount = 5.5, compensationCurrency = "USD", fedBackVia = "phone" });

        var r3 = await ReceiveAsync(admin, "2026-03-10 09:00", "138 0000 1003");
        await StepAsync(admin, r3, "2026-03-10 09:05", "register", new { category = "priceBilling", severity = "general", customerAcknowledged = true });
        _clock.SetUtcNow(Local("2026-03-10 11:30"));
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SlaScanner>().ScanOnceAsync(CancellationToken.None);
    }

    private static double? Number(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDouble();

    [Test]
    public async Task Summary_GivesRepeatsEscalationsApprovalTimesAndCompensationPerCurrency_InTotalPerCategoryAndInTheCsv()
    {
        await PlayAsync();
        const string period = "from=2026-03-09&to=2026-03-13";
        var total = (await (await _admin.GetAsync($"/api/v1/reports/complaints/summary?{period}")).ReadJsonAsync()).GetProperty("total");
        var byCategory = (await (await _admin.GetAsync($"/api/v1/reports/complaints/summary?{period}&groupBy=category")).ReadJsonAsync()).GetProperty("groups");
        var quality = byCategory.EnumerateArray().Single(g => g.GetProperty("key").GetString() == "productQuality");
        var billing = byCategory.EnumerateArray().Single(g => g.GetProperty("key").GetString() == "priceBilling");
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/complaints/summary?{period}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = (await (await _admin.SendAsync(csvRequest)).Content.ReadAsStringAsync()).Split("\r\n");
        var columns = csv[0].Split(',');
        var totalRow = csv[1].Split(',');
        string Cell(string column) => totalRow[Array.IndexOf(columns, column)];

        static IEnumerable<(string?, decimal, int)> Compensation(JsonElement indicators) =>
            indicators.GetProperty("compensation").EnumerateArray()
                .Select(c => (c.GetProperty("currency").GetString(), c.GetProperty("amount").GetDecimal(), c.GetProperty("complaints").GetInt32()));

        Assert.Multiple(() =>
        {
            Assert.That(total.GetProperty("count").GetInt32(), Is.EqualTo(3));
            Assert.That(total.GetProperty("repeat").GetProperty("count").GetInt32(), Is.EqualTo(1), "R2 repeats R1");
            Assert.That(Number(total.GetProperty("repeat"), "rate"), Is.EqualTo(0.3333));
            Assert.That(total.GetProperty("escalation").GetProperty("count").GetInt32(), Is.EqualTo(1), "R3's missed assignment");
            Assert.That(total.GetProperty("solutionApproval").GetProperty("count").GetInt32(), Is.EqualTo(1));
            Assert.That(Number(total.GetProperty("solutionApproval"), "medianHours"), Is.EqualTo(3));
            Assert.That(Compensation(total), Is.EqualTo(new[] { ("CNY", 200m, 1), ("USD", 5.5m, 1) }));
            Assert.That(Compensation(quality), Is.EqualTo(new[] { ("CNY", 200m, 1), ("USD", 5.5m, 1) }));
            Assert.That(Compensation(billing), Is.Empty);
            Assert.That(Number(billing.GetProperty("escalation"), "rate"), Is.EqualTo(1));
            Assert.That(Number(quality.GetProperty("repeat"), "rate"), Is.EqualTo(0.5));
            Assert.That(Cell("repeats"), Is.EqualTo("1"));
            Assert.That(Cell("escalated"), Is.EqualTo("1"));
            Assert.That(Cell("solutionApprovalMedianHours"), Is.EqualTo("3"));
            Assert.That(Cell("compensation"), Is.EqualTo("CNY 200; USD 5.5"));
            Assert.That(Cell("compensatedComplaints"), Is.EqualTo("2"));
        });
    }
}
