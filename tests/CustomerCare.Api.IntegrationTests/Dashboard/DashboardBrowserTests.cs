using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Reports;
using Microsoft.Playwright;

namespace CustomerCare.Api.IntegrationTests.Dashboard;

/// <summary>
/// The managers' dashboard in a real browser: Debian's Chromium, driven by Playwright (which cannot download browsers
/// here, so it is pointed at /usr/bin/chromium, or at <c>CHROMIUM_PATH</c>). The API listens on a loopback port over the
/// <see cref="ReportDataSet"/>; the test signs in through the page, picks March 2026 and reads back what each chart drew.
/// A screenshot is attached to the test result (dashboard.png).
/// </summary>
[NonParallelizable]
public class DashboardBrowserTests
{
    private ReportDataSet _data = null!;
    private LoopbackBrowser _session = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await Testing.ResetDatabaseAsync();
        _data = await ReportDataSet.PlayAsync();

        _session = await LoopbackBrowser.StartAsync();
        _browser = _session.Browser;
        _baseUrl = _session.BaseUrl;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        if (_data is not null)
        {
            await _data.DisposeAsync();
        }
    }

    private static async Task<JsonElement> ChartAsync(IPage page, string canvas) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>(
            "id => { const c = Chart.getChart(id); return JSON.stringify({ type: c.config.type, labels: c.data.labels, data: c.data.datasets[0].data }); }",
            canvas)).RootElement;

    private static List<string> Labels(JsonElement chart) => chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();

    private static List<double?> Data(JsonElement chart) =>
        chart.GetProperty("data").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Null ? (double?)null : d.GetDouble()).ToList();

    [Test]
    public async Task AManager_SignsIn_PicksAPeriod_AndEveryChartShowsTheReportNumbers()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1500 },
            ReducedMotion = ReducedMotion.Reduce, // the page then draws its charts without animation: the screenshot shows them whole
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync($"{_baseUrl}/dashboard");
        await page.FillAsync("#email", CustomerCareApiFactory.AdminEmail);
        await page.FillAsync("#password", CustomerCareApiFactory.AdminPassword);
        await page.ClickAsync("#sign-in button[type=submit]");
        await page.WaitForSelectorAsync("body[data-loaded]");

        await page.SelectOptionAsync("#preset", "custom");
        await page.FillAsync("#from", "2026-03-01");
        await page.FillAsync("#to", "2026-03-31");
        await page.ClickAsync("#period button[type=submit]");
        await page.WaitForSelectorAsync("body[data-loaded='2026-03-01/2026-03-31']");

        var volume = await ChartAsync(page, "volume-chart");
        var category = await ChartAsync(page, "category-chart");
        var channel = await ChartAsync(page, "channel-chart");
        var sla = await ChartAsync(page, "sla-chart");
        var csat = await ChartAsync(page, "csat-chart");
        var breaches = await ChartAsync(page, "breaches-chart");
        var expectedBreaches = await (await _data.Admin.GetAsync("/api/v1/reports/complaints/open-breaches")).ReadJsonAsync();
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, "The dashboard over the report data set, March 2026");

        var perDay = Enumerable.Repeat(0.0, 31).ToArray();
        perDay[1] = 2; // Mar 2: C1, C2
        perDay[9] = 1; // Mar 10: C3
        perDay[10] = 1; // Mar 11: C4
        perDay[29] = 1; // Mar 30: C5
        Assert.Multiple(async () =>
        {
            Assert.That(await page.TextContentAsync("#kpi-count"), Is.EqualTo("5"));
            Assert.That(await page.TextContentAsync("#kpi-first-response"), Is.EqualTo("6.5"));
            Assert.That(await page.TextContentAsync("#kpi-csat"), Is.EqualTo("3.67"));
            Assert.That(await page.TextContentAsync("#kpi-reopen"), Is.EqualTo("50%"));
            Assert.That(volume.GetProperty("type").GetString(), Is.EqualTo("line"));
            Assert.That(Labels(volume), Has.Count.EqualTo(31), "one point a day, empty days included");
            Assert.That(Labels(volume)[0], Is.EqualTo("2026-03-01"));
            Assert.That(Data(volume), Is.EqualTo(perDay.Select(d => (double?)d)));
            Assert.That(category.GetProperty("type").GetString(), Is.EqualTo("pie"));
            Assert.That(Labels(category), Is.EqualTo(new[] { "productQuality", "priceBilling", "serviceAttitude" }));
            Assert.That(Data(category), Is.EqualTo(new double?[] { 3, 1, 1 }));
            Assert.That(Labels(channel), Is.EqualTo(new[] { "phone", "email", "webForm" }));
            Assert.That(Data(channel), Is.EqualTo(new double?[] { 3, 1, 1 }));
            Assert.That(Labels(sla), Is.EqualTo(new[] { "Registered", "Assigned", "First contact", "Solution proposed", "Result fed back", "Resolved, end to end" }));
            Assert.That(Data(sla), Is.EqualTo(new double?[] { 60, 50, 33.3, 100, 100, 66.7 }), "end to end: C1 and C2 met, C4 (received 11 March, left) missed");
            Assert.That(Labels(csat), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
            Assert.That(Data(csat), Is.EqualTo(new double?[] { 0, 1, 0, 1, 1 }));
            Assert.That(Labels(breaches), Is.EqualTo(expectedBreaches.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString())));
            Assert.That(Data(breaches), Is.EqualTo(expectedBreaches.GetProperty("departments").EnumerateArray().Select(d => (double?)d.GetProperty("complaints").GetInt32())));
            Assert.That(Data(breaches).Sum(), Is.EqualTo(3), "C0, C4 and C5 are open with a missed milestone");
            Assert.That(problems, Is.Empty, "the page logged errors (a script failed or the content security policy blocked something)");
        });
    }

    [Test]
    public async Task WrongPassword_StaysOnTheSignInForm_WithTheReason()
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_baseUrl}/dashboard/");
        await page.FillAsync("#email", CustomerCareApiFactory.AdminEmail);
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#sign-in button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('sign-in-error').textContent.length > 0");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.IsVisibleAsync("#sign-in"), Is.True);
            Assert.That(await page.IsVisibleAsync("#dashboard"), Is.False);
        });
    }
}
