using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>
/// Every indicator of the report API against values worked out by hand on <see cref="ReportDataSet"/> (the arithmetic is
/// in its comment and next to each expectation). Percentiles are continuous: of two values a and b, the median is
/// (a + b) / 2 and the 90th percentile a + 0.9 (b − a).
/// </summary>
[NonParallelizable]
public class ComplaintReportTests
{
    private const string March = "from=2026-03-01&to=2026-03-31";
    private ReportDataSet _data = null!;

    [OneTimeSetUp]
    public async Task PlayHistoryAsync()
    {
        await Testing.ResetDatabaseAsync();
        _data = await ReportDataSet.PlayAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<JsonElement> GetAsync(string path) => await (await _data.Admin.GetAsync($"/api/v1/reports/{path}")).ReadJsonAsync();

    private static JsonElement Sla(JsonElement indicators, string milestone) =>
        indicators.GetProperty("sla").EnumerateArray().Single(s => s.GetProperty("milestone").GetString() == milestone);

    private static JsonElement Group(JsonElement groups, string key) =>
        groups.EnumerateArray().Single(g => g.GetProperty("key").GetString() == key);

    private static double? Number(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDouble();

    [Test]
    public async Task Summary_Total_IsTheHandComputedIndicatorsOfMarch()
    {
        var report = await GetAsync($"complaints/summary?{March}");
        var total = report.GetProperty("total");
        var satisfaction = total.GetProperty("satisfaction");
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("from").GetString(), Is.EqualTo("2026-03-01"));
            Assert.That(report.GetProperty("timeZone").GetString(), Is.EqualTo("Asia/Shanghai"));
            Assert.That(total.GetProperty("count").GetInt32(), Is.EqualTo(5), "C1–C5; C0 is February's");
            Assert.That(total.GetProperty("share").GetDouble(), Is.EqualTo(1));
            Assert.That(total.GetProperty("open").GetInt32(), Is.EqualTo(2), "C4 and C5");
            // Five complaints per five active customers, per 1,000.
            Assert.That(report.GetProperty("rateBasis").GetProperty("basis").GetString(), Is.EqualTo("activeCustomers"));
            Assert.That(report.GetProperty("rateBasis").GetProperty("value").GetInt64(), Is.EqualTo(5));
            Assert.That(Number(total, "complaintRate"), Is.EqualTo(1000));
            // First response: C1 2 h, C2 11 h (Mon 17–18, Tue 9 h, holiday, Thu 9–10).
            Assert.That(total.GetProperty("firstResponse").GetProperty("count").GetInt32(), Is.EqualTo(2));
            Assert.That(Number(total.GetProperty("firstResponse"), "medianHours"), Is.EqualTo(6.5));
            Assert.That(Number(total.GetProperty("firstResponse"), "p90Hours"), Is.EqualTo(10.1));
            // Resolution: C1 10 h, C2 29 h (measured at its second resolution).
            Assert.That(total.GetProperty("resolution").GetProperty("count").GetInt32(), Is.EqualTo(2));
            Assert.That(Number(total.GetProperty("resolution"), "medianHours"), Is.EqualTo(19.5));
            Assert.That(Number(total.GetProperty("resolution"), "p90Hours"), Is.EqualTo(27.1));
            // Registered: C1, C3, C5 met; C2 late, C4 breached. Assigned: C1, C2 met; C3 and C5 breached.
            // First contact: C1 met; C2 late, C5 breached (C3 closed before it was due: counts in none).
            // Solution: C1, C2 met; C5 pending. Feedback: C1, C2 met.
            Assert.That(Sla(total, "registered").GetProperty("met").GetInt32(), Is.EqualTo(3));
            Assert.That(Sla(total, "registered").GetProperty("missed").GetInt32(), Is.EqualTo(2));
            Assert.That(Number(Sla(total, "registered"), "compliance"), Is.EqualTo(0.6));
            Assert.That(Number(Sla(total, "assigned"), "compliance"), Is.EqualTo(0.5));
            Assert.That(Sla(total, "firstContact").GetProperty("met").GetInt32(), Is.EqualTo(1));
            Assert.That(Sla(total, "firstContact").GetProperty("missed").GetInt32(), Is.EqualTo(2));
            Assert.That(Number(Sla(total, "firstContact"), "compliance"), Is.EqualTo(0.3333));
            Assert.That(Sla(total, "solutionProposed").GetProperty("pending").GetInt32(), Is.EqualTo(1));
            Assert.That(Number(Sla(total, "solutionProposed"), "compliance"), Is.EqualTo(1));
            Assert.That(Sla(total, "resultFedBack").GetProperty("met").GetInt32(), Is.EqualTo(2));
            // Reopen: C2 of the two ever resolved; re-complaint: C4 of five.
            Assert.That(total.GetProperty("reopen").GetProperty("count").GetInt32(), Is.EqualTo(1));
            Assert.That(Number(total.GetProperty("reopen"), "rate"), Is.EqualTo(0.5));
            Assert.That(Number(total.GetProperty("reComplaint"), "rate"), Is.EqualTo(0.2));
            // Satisfaction 5 (C1), 2 (C2), 4 (C3): mean 11 / 3.
            Assert.That(satisfaction.GetProperty("responses").GetInt32(), Is.EqualTo(3));
            Assert.That(Number(satisfaction, "mean"), Is.EqualTo(3.6667));
            Assert.That(satisfaction.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("count").GetInt32()),
                Is.EqualTo(new[] { 0, 1, 0, 1, 1 }));
            Assert.That(Number(satisfaction.GetProperty("distribution")[4], "share"), Is.EqualTo(0.3333));
        });
    }

    [Test]
    public async Task Summary_ByChannel_SplitsTheSameComplaints()
    {
        var groups = (await GetAsync($"complaints/summary?{March}&groupBy=channel")).GetProperty("groups");
        var phone = Group(groups, "phone");
        Assert.Multiple(() =>
        {
            Assert.That(groups.EnumerateArray().Select(g => g.GetProperty("key").GetString()), Is.EqualTo(new[] { "phone", "email", "webForm" }),
                "largest first, then by name");
            // Phone: C1, C3, C4.
            Assert.That(phone.GetProperty("count").GetInt32(), Is.EqualTo(3));
            Assert.That(Number(phone, "share"), Is.EqualTo(0.6));
            Assert.That(Number(phone, "complaintRate"), Is.EqualTo(600));
            Assert.That(Number(phone.GetProperty("firstResponse"), "medianHours"), Is.EqualTo(2));
            Assert.That(Number(phone.GetProperty("satisfaction"), "mean"), Is.EqualTo(4.5));
            Assert.That(Number(phone.GetProperty("reopen"), "rate"), Is.EqualTo(0));
            Assert.That(Number(phone.GetProperty("reComplaint"), "rate"), Is.EqualTo(0.3333));
            Assert.That(Number(Sla(phone, "registered"), "compliance"), Is.EqualTo(0.6667), "C1, C3 met; C4 breached");
            // E-mail: C2 alone.
            Assert.That(Number(Group(groups, "email").GetProperty("resolution"), "medianHours"), Is.EqualTo(29));
            Assert.That(Number(Group(groups, "email").GetProperty("reopen"), "rate"), Is.EqualTo(1));
            Assert.That(Number(Group(groups, "webForm").GetProperty("firstResponse"), "medianHours"), Is.Null);
        });
    }

    [Test]
    public async Task Summary_ByDepartmentAndCategory_NameTheirGroups()
    {
        var byDepartment = (await GetAsync($"complaints/summary?{March}&groupBy=department")).GetProperty("groups");
        var byCategory = (await GetAsync($"complaints/summary?{March}&groupBy=category")).GetProperty("groups");
        var byCause = (await GetAsync($"complaints/summary?{March}&groupBy=cause")).GetProperty("groups");
        var quality = byDepartment.EnumerateArray().Single(g => g.GetProperty("label").GetString() == "Quality");
        Assert.Multiple(() =>
        {
            Assert.That(quality.GetProperty("count").GetInt32(), Is.EqualTo(3), "C1 and C2 routed to quality, C4 (C1's re-complaint) kept there: no level up, no manager");
            Assert.That(quality.GetProperty("key").GetString(), Is.Not.Null);
            Assert.That(byCategory.EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("count").GetInt32())),
                Is.EqualTo(new[] { ("productQuality", 3), ("priceBilling", 1), ("serviceAttitude", 1) }));
            // C1 and C2 were investigated, both found the terminal at fault; the others have no cause yet.
            Assert.That(byCause.EnumerateArray().Where(g => g.GetProperty("key").ValueKind == JsonValueKind.String)
                .Select(g => (g.GetProperty("key").GetString(), g.GetProperty("count").GetInt32())), Is.EqualTo(new[] { ("terminal", 2) }));
        });
    }

    [Test]
    public async Task Trend_ByWeek_HasEveryWeekOfThePeriod_EmptyOnesAsZeros()
    {
        var report = await GetAsync($"complaints/trend?{March}&interval=week&groupBy=category");
        var points = report.GetProperty("points").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            // Weeks from Monday, clipped to the period: Mar 1 (a Sunday) alone, then Mar 2–8, 9–15, 16–22, 23–29, 30–31.
            Assert.That(points.Select(p => p.GetProperty("start").GetString()),
                Is.EqualTo(new[] { "2026-03-01", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30" }));
            Assert.That(points.Select(p => p.GetProperty("end").GetString()),
                Is.EqualTo(new[] { "2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29", "2026-03-31" }));
            Assert.That(points.Select(p => p.GetProperty("total").GetProperty("count").GetInt32()), Is.EqualTo(new[] { 0, 2, 2, 0, 0, 1 }));
            // Every category of the period in every week, zero where it had none.
            Assert.That(points.Select(p => p.GetProperty("groups").GetArrayLength()), Is.All.EqualTo(3));
            Assert.That(points.Select(p => Group(p.GetProperty("groups"), "productQuality").GetProperty("count").GetInt32()),
                Is.EqualTo(new[] { 0, 2, 1, 0, 0, 0 }));
            Assert.That(Number(points[3].GetProperty("total").GetProperty("firstResponse"), "medianHours"), Is.Null);
            Assert.That(points[3].GetProperty("total").GetProperty("satisfaction").GetProperty("responses").GetInt32(), Is.Zero);
            // Week of Mar 2: C1 and C2, their indicators as in the summary.
            Assert.That(Number(points[1].GetProperty("total").GetProperty("resolution"), "medianHours"), Is.EqualTo(19.5));
            Assert.That(Number(Sla(points[1].GetProperty("total"), "firstContact"), "compliance"), Is.EqualTo(0.5));
        });
    }

    [Test]
    public async Task Trend_ByDayAndMonth_CountPerInterval_AndRefuseUnreadablyManyPoints()
    {
        var days = (await GetAsync("complaints/trend?from=2026-03-01&to=2026-03-10&interval=day")).GetProperty("points").EnumerateArray().ToList();
        var months = (await GetAsync("complaints/trend?from=2026-02-01&to=2026-03-31&interval=month")).GetProperty("points").EnumerateArray().ToList();
        var tooMany = await _data.Admin.GetAsync("/api/v1/reports/complaints/trend?from=2025-01-01&to=2026-03-31&interval=day");
        Assert.Multiple(async () =>
        {
            Assert.That(days, Has.Count.EqualTo(10));
            Assert.That(days.Select(p => p.GetProperty("total").GetProperty("count").GetInt32()), Is.EqualTo(new[] { 0, 2, 0, 0, 0, 0, 0, 0, 0, 1 }));
            Assert.That(months.Select(p => p.GetProperty("total").GetProperty("count").GetInt32()), Is.EqualTo(new[] { 1, 5 }));
            var problem = await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").TryGetProperty("interval", out _), Is.True, problem.ToString());
        });
    }

    [Test]
    public async Task Hotspots_RankByVolume_AndByGrowthAgainstThePreviousPeriod()
    {
        var report = await GetAsync($"complaints/hotspots?{March}&top=5");
        var categories = report.GetProperty("categories");
        var causes = report.GetProperty("causes");
        var products = report.GetProperty("products");
        Assert.Multiple(() =>
        {
            // The previous period is as long (31 days) and ends the day before: Jan 29 – Feb 28, holding C0.
            Assert.That(report.GetProperty("previousFrom").GetString(), Is.EqualTo("2026-01-29"));
            Assert.That(report.GetProperty("previousTo").GetString(), Is.EqualTo("2026-02-28"));
            Assert.That(categories.GetProperty("byVolume").EnumerateArray().Select(h => (h.GetProperty("key").GetString(), h.GetProperty("count").GetInt32(), h.GetProperty("previousCount").GetInt32())),
                Is.EqualTo(new[] { ("productQuality", 3, 0), ("priceBilling", 1, 0), ("serviceAttitude", 1, 1) }));
            // serviceAttitude stayed at one: not growing.
            Assert.That(categories.GetProperty("byGrowth").EnumerateArray().Select(h => h.GetProperty("key").GetString()),
                Is.EqualTo(new[] { "productQuality", "priceBilling" }));
            Assert.That(Number(categories.GetProperty("byVolume")[0], "share"), Is.EqualTo(0.6));
            Assert.That(Number(categories.GetProperty("byVolume")[0], "growth"), Is.Null, "new this period");
            // Both investigations coded their cause "terminal", whatever their words: one cause, by its name.
            Assert.That(causes.GetProperty("byVolume").GetArrayLength(), Is.EqualTo(1));
            Assert.That(causes.GetProperty("byVolume")[0].GetProperty("key").GetString(), Is.EqualTo("terminal"));
            Assert.That(causes.GetProperty("byVolume")[0].GetProperty("label").GetString(), Is.EqualTo("Terminal (device)"));
            Assert.That(causes.GetProperty("byVolume")[0].GetProperty("count").GetInt32(), Is.EqualTo(2));
            // kettle-k2: C1, C2, C4; toaster-t1: C5 now, C0 before (no growth).
            Assert.That(products.GetProperty("byVolume").EnumerateArray().Select(h => (h.GetProperty("key").GetString(), h.GetProperty("count").GetInt32())),
                Is.EqualTo(new[] { ("kettle-k2", 3), ("toaster-t1", 1) }));
            Assert.That(products.GetProperty("byGrowth").EnumerateArray().Select(h => h.GetProperty("change").GetInt32()), Is.EqualTo(new[] { 3 }));
        });
    }

    [Test]
    public async Task StaffPerformance_PerHandlerAndDepartment()
    {
        var report = await GetAsync($"staff/performance?{March}");
        var a = report.GetProperty("handlers").EnumerateArray().Single(h => h.GetProperty("id").GetString() == _data.HandlerA.ToString());
        var b = report.GetProperty("handlers").EnumerateArray().Single(h => h.GetProperty("id").GetString() == _data.HandlerB.ToString());
        var quality = report.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Quality");
        Assert.Multiple(() =>
        {
            // A handled C1: every clock met (6 of 6).
            Assert.That(a.GetProperty("handled").GetInt32(), Is.EqualTo(1));
            Assert.That(a.GetProperty("resolved").GetInt32(), Is.EqualTo(1));
            Assert.That(Number(a.GetProperty("firstResponse"), "medianHours"), Is.EqualTo(2));
            Assert.That(Number(a.GetProperty("resolution"), "medianHours"), Is.EqualTo(10));
            Assert.That(Number(a, "slaCompliance"), Is.EqualTo(1));
            Assert.That(Number(a.GetProperty("satisfaction"), "mean"), Is.EqualTo(5));
            // B handled C2: registered and first contact missed, the other four met (resolved within 6 working days of receipt).
            Assert.That(b.GetProperty("slaMet").GetInt32(), Is.EqualTo(4));
            Assert.That(b.GetProperty("slaMissed").GetInt32(), Is.EqualTo(2));
            Assert.That(Number(b, "slaCompliance"), Is.EqualTo(0.6667));
            Assert.That(Number(b.GetProperty("resolution"), "medianHours"), Is.EqualTo(29));
            // Quality: C1, C2 and C4 (C1's re-complaint, with no department above and no manager to go to).
            Assert.That(quality.GetProperty("handled").GetInt32(), Is.EqualTo(3));
            Assert.That(Number(quality.GetProperty("firstResponse"), "medianHours"), Is.EqualTo(6.5));
            Assert.That(Number(quality.GetProperty("satisfaction"), "mean"), Is.EqualTo(3.5));
            Assert.That(Number(quality, "slaCompliance"), Is.EqualTo(0.7143), "10 of 14 clocks met: C4 missed its registration and end-to-end clocks");
            Assert.That(report.GetProperty("handlers").EnumerateArray().Single(h => h.GetProperty("id").ValueKind == JsonValueKind.Null)
                .GetProperty("name").GetString(), Is.EqualTo("Not assigned"));
        });
    }

    [Test]
    public async Task OpenBreaches_CountOpenComplaintsWithAMissedMilestoneNow_PerDepartment()
    {
        using var admin = _data.Host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = _data.Admin.DefaultRequestHeaders.Authorization;
        var report = await (await admin.GetAsync("/api/v1/reports/complaints/open-breaches")).ReadJsonAsync();
        var departments = report.GetProperty("departments").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            // Now, whatever the period: C0 and C4 (registration overdue) and C5 (customer service: assignment and first contact overdue).
            Assert.That(report.GetProperty("complaints").GetInt32(), Is.EqualTo(3));
            var service = departments.Single(d => d.GetProperty("name").GetString() == "Customer Service");
            Assert.That(service.GetProperty("complaints").GetInt32(), Is.EqualTo(1));
            Assert.That(service.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("milestone").GetString()),
                Is.EqualTo(new[] { "assigned", "firstContact" }));
            Assert.That(departments.Single(d => d.GetProperty("departmentId").ValueKind == JsonValueKind.Null).GetProperty("name").GetString(),
                Is.EqualTo("No department"));
        });
    }

    [Test]
    public async Task Csv_IsTheSameReportAsAFlatTable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/complaints/summary?{March}&groupBy=channel");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await _data.Admin.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        string Cell(int line, string column) => lines[line].Split(',')[Array.IndexOf(header, column)];
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), csv);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Does.Contain("complaints-summary-2026-03-01-2026-03-31.csv"));
            Assert.That(response.Headers.Vary, Does.Contain("Accept"));
            Assert.That(lines, Has.Length.EqualTo(5), "header, total, three channels");
            Assert.That(Cell(1, "label"), Is.EqualTo("All complaints"));
            Assert.That(Cell(1, "count"), Is.EqualTo("5"));
            Assert.That(Cell(1, "firstResponseP90Hours"), Is.EqualTo("10.1"));
            Assert.That(Cell(1, "sla.registered.compliance"), Is.EqualTo("0.6"));
            Assert.That(Cell(2, "group"), Is.EqualTo("phone"));
            Assert.That(Cell(2, "satisfactionMean"), Is.EqualTo("4.5"));
        });
    }

    [Test]
    public async Task BadParameters_AreFieldErrors_AndAgentsMayNotReadReports()
    {
        var reversed = await _data.Admin.GetAsync("/api/v1/reports/complaints/summary?from=2026-03-31&to=2026-03-01");
        var unknownGroup = await _data.Admin.GetAsync("/api/v1/reports/complaints/summary?groupBy=weather");
        var badDate = await _data.Admin.GetAsync("/api/v1/reports/complaints/summary?from=2026-13-45");
        var badTop = await _data.Admin.GetAsync("/api/v1/reports/complaints/hotspots?top=0");
        var tooLong = await _data.Admin.GetAsync("/api/v1/reports/complaints/summary?from=2020-01-01&to=2026-03-31");
        var endOfTime = await _data.Admin.GetAsync("/api/v1/reports/complaints/trend?from=9999-12-30&to=9999-12-31&interval=day");
        var startOfTime = await _data.Admin.GetAsync("/api/v1/reports/complaints/hotspots?from=0001-01-01&to=0001-01-02");
        using var agent = await ApiClient.AsStaffAsync("agent");
        var forbidden = await agent.GetAsync("/api/v1/reports/complaints/summary");
        Assert.Multiple(async () =>
        {
            Assert.That((await reversed.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _), Is.True);
            Assert.That((await unknownGroup.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("groupBy", out _), Is.True);
            Assert.That((await badDate.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("from", out _), Is.True);
            Assert.That((await badTop.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("top", out _), Is.True);
            await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That((await endOfTime.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _), Is.True);
            Assert.That((await startOfTime.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("from", out _), Is.True);
            await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
        });
    }

    [Test]
    public async Task Supervisor_SeesTheComplaintsOfTheirDepartmentsOnly_AsTheComplaintListDoes()
    {
        var (_, email) = await ApiClient.CreateStaffAsync("supervisor", await ApiClient.DepartmentIdAsync("QA"));
        using var supervisor = ApiClient.WithBearer(await ApiClient.SignInAsync(email, ApiClient.StaffPassword));
        var report = await (await supervisor.GetAsync($"/api/v1/reports/complaints/summary?{March}")).ReadJsonAsync();
        var list = await (await supervisor.GetAsync("/api/v1/complaints?receivedFrom=2026-03-01T00:00:00%2B08:00&receivedTo=2026-04-01T00:00:00%2B08:00&pageSize=200")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            // Quality's C1 and C2, and the unrouted C4.
            Assert.That(report.GetProperty("total").GetProperty("count").GetInt32(), Is.EqualTo(3));
            Assert.That(list.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
        });
    }
}

/// <summary>Issue #4: erasing a customer's personal data keeps their complaints in every report.</summary>
[NonParallelizable]
public class ReportsAfterErasureTests
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private static double? Number(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDouble();

    [SetUp]
    public Task ResetAsync() => Testing.ResetDatabaseAsync();

    [Test]
    public async Task ErasingACustomer_KeepsTheirComplaintsCounted()
    {
        await using var data = await ReportDataSet.PlayAsync();
        var response = await data.Admin.PostAsync($"/api/v1/customers/{data.Customers["C1"]}/erase", null);
        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        var report = await (await data.Admin.GetAsync($"/api/v1/reports/complaints/summary?{March}&groupBy=channel")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("total").GetProperty("count").GetInt32(), Is.EqualTo(5));
            Assert.That(report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "phone").GetProperty("count").GetInt32(), Is.EqualTo(3));
            Assert.That(Number(report.GetProperty("total").GetProperty("satisfaction"), "mean"), Is.EqualTo(3.6667));
            // The erased record is no longer an active customer: 5 complaints per 4.
            Assert.That(report.GetProperty("rateBasis").GetProperty("value").GetInt64(), Is.EqualTo(4));
            Assert.That(Number(report.GetProperty("total"), "complaintRate"), Is.EqualTo(1250));
        });
    }
}
