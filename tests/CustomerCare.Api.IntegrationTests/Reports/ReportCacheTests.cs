using System.Net.Http.Headers;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>
/// Report results kept for <c>CustomerCare:Reports:CacheFor</c> (ADR 0018), on a clock the test moves: within it a report
/// is served as computed; past it the next request starts a recomputation and is answered from the older result while it
/// is at most twice that old; older still, the request waits for the new result. Results are kept per visibility, so a
/// supervisor of one department never reads a total computed for the administrator.
/// </summary>
[NonParallelizable]
public class ReportCacheTests : IntegrationTest
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<Program> _host = null!;

    [SetUp]
    public void StartHost() => _host = Testing.Factory.WithWebHostBuilder(b => b
        .UseSetting("CustomerCare:Reports:CacheFor", CacheFor.ToString())
        .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));

    [TearDown]
    public async Task StopHostAsync() => await _host.DisposeAsync();

    private HttpClient As(string token)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/reports/complaints/summary")).ReadJsonAsync()).GetProperty("total").GetProperty("count").GetInt32();

    [Test]
    public async Task AReport_IsServedAsComputed_ForItsTime_ThenRecomputed_AndNeverAcrossVisibilities()
    {
        using var admin = As(await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));
        var (_, agentEmail) = await ApiClient.CreateStaffAsync("techSupport", await ApiClient.DepartmentIdAsync("TS"));
        var agent = new ComplaintApi(As(await ApiClient.SignInAsync(agentEmail, ApiClient.StaffPassword)));
        var (_, supervisorEmail) = await ApiClient.CreateStaffAsync("supervisor", await ApiClient.DepartmentIdAsync("AS"));
        using var afterSales = As(await ApiClient.SignInAsync(supervisorEmail, ApiClient.StaffPassword));

        // A complaint of technical support's, routed there: the administrator sees it, after-sales' supervisor does not.
        var first = (await agent.ReceiveAsync(ComplaintApi.NewComplaint("路由器掉线", "139 0013 9001"))).GetProperty("id").GetGuid();
        await agent.DoAsync(first, "register", new { category = "technicalFault", severity = "general", customerAcknowledged = true });
        Assert.That(await CountAsync(admin), Is.EqualTo(1));
        Assert.That(await CountAsync(afterSales), Is.Zero, "the administrator's cached total is not the supervisor's");

        // Within CacheFor the administrator's report is served as it was computed.
        await agent.ReceiveAsync(ComplaintApi.NewComplaint("宽带很慢", "139 0013 9002"));
        _clock.Advance(CacheFor - TimeSpan.FromSeconds(1));
        Assert.That(await CountAsync(admin), Is.EqualTo(1), "served from the result computed a moment ago");

        // Past it, the next request starts a recomputation (answered from the older result meanwhile); it then arrives.
        _clock.Advance(TimeSpan.FromSeconds(2));
        var counts = new List<int>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            counts.Add(await CountAsync(admin));
            if (counts[^1] == 2)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.That(counts, Has.Some.EqualTo(2).And.All.InRange(1, 2), "the recomputed total replaced the older one");

        // Older than twice CacheFor, a request waits for a new result rather than read the old one.
        await agent.ReceiveAsync(ComplaintApi.NewComplaint("电视没有信号", "139 0013 9003"));
        _clock.Advance((CacheFor * 2) + TimeSpan.FromSeconds(1));
        Assert.That(await CountAsync(admin), Is.EqualTo(3));
    }
}
