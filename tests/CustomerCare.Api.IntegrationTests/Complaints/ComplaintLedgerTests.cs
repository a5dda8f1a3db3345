using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// The complaint list as a CSV ledger (投诉台账): every complaint the filters find, oldest first, with its clocks, read page by
/// page on the server. The host reads two complaints at a time, so five complaints take three pages.
/// </summary>
public class ComplaintLedgerTests : IntegrationTest
{
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public async Task StartHostAsync()
    {
        _host = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Complaints:LedgerPageSize", "2"));
        _admin = _host.CreateClient();
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));
    }

    [TearDown]
    public async Task StopHostAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<HttpResponseMessage> LedgerAsync(HttpClient client, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints{query}");
        request.Headers.Accept.ParseAdd("text/csv");
        return await client.SendAsync(request);
    }

    [Test]
    public async Task TheLedger_HasEveryComplaintOldestFirst_AcrossServerPages_WithItsClocks_AndFollowsTheFilters()
    {
        var api = new ComplaintApi(_admin);
        var titles = new[] { "水壶漏水", "=HYPERLINK(\"http://evil\")", "账单多扣费", "快递延误", "客服态度差" };
        var ids = new List<Guid>();
        foreach (var title in titles)
        {
            ids.Add((await api.ReceiveAsync(ComplaintApi.NewComplaint(title, phone: $"138 0013 80{ids.Count:00}"))).GetProperty("id").GetGuid());
        }

        await api.DoAsync(ids[2], "register", new { category = "priceBilling", severity = "major", customerAcknowledged = true, scope = "region" });

        var all = await LedgerAsync(_admin);
        var billing = await LedgerAsync(_admin, "?category=priceBilling");
        var text = await all.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var billingLines = (await billing.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var billingRow = billingLines[1].Split(',');
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];

        Assert.Multiple(() =>
        {
            Assert.That(all.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(all.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(all.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(header[..3], Is.EqualTo(new[] { "number", "receivedAt", "status" }));
            Assert.That(header, Does.Contain("registered.dueAt").And.Contain("resolution.state"));
            Assert.That(lines, Has.Length.EqualTo(6), "a header and five complaints, over three pages of two");
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[Array.IndexOf(header, "title")]),
                Is.EqualTo(new[] { "水壶漏水", "\"'=HYPERLINK(\"\"http://evil\"\")\"", "账单多扣费", "快递延误", "客服态度差" }), "oldest first, formulas defused");
            Assert.That(billingLines, Has.Length.EqualTo(2));
            Assert.That(Cell(billingRow, "category"), Is.EqualTo("priceBilling"));
            Assert.That(Cell(billingRow, "severity"), Is.EqualTo("major"));
            Assert.That(Cell(billingRow, "scope"), Is.EqualTo("region"));
            Assert.That(Cell(billingRow, "department"), Is.EqualTo("Customer Service"));
            Assert.That(Cell(billingRow, "registered.state"), Is.EqualTo("met"));
            Assert.That(Cell(billingRow, "solutionProposed.state"), Is.EqualTo("pending"));
            Assert.That(Cell(billingRow, "solutionProposed.dueAt"), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$"));
        });
    }

    [Test]
    public async Task ThePage_StaysJson_WhenJsonIsAskedFor_AndAPartnerGetsNoLedger()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = _host.CreateClient();
        partner.DefaultRequestHeaders.Add("X-Api-Key", key);
        var refused = await LedgerAsync(partner);
        var page = await _admin.GetAsync("/api/v1/complaints");
        Assert.Multiple(async () =>
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(page.Headers.Vary, Does.Contain("Accept"));
        });
    }
}
