using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// A queue's first page (equality filters, newest first) and a search text alone are read by queries compiled once
/// (CompiledComplaintLists); every other list by the LINQ built per request. Both must give every caller the same rows
/// and the same count.
/// </summary>
public class CompiledComplaintListTests : AdminIntegrationTest
{
    private readonly List<HttpClient> _clients = [];

    [TearDown]
    public void DisposeClients()
    {
        _clients.ForEach(c => c.Dispose());
        _clients.Clear();
    }

    [Test]
    public async Task TheCompiledQueue_AnswersAsTheGeneralList_ForEveryCallerAndFilter()
    {
        var (partner, callers) = await SeedAsync();
        var techSupport = await ApiClient.DepartmentIdAsync("TS");
        var partnerId = (await (await partner.GetAsync("/api/v1/complaints?pageSize=1")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("partnerId").GetGuid();
        string[] filters =
        [
            "", "status=registered", "status=received", $"departmentId={techSupport}", $"status=registered&departmentId={techSupport}",
            "severity=major&category=technicalFault", $"partnerId={partnerId}", "channel=phone&keyCustomer=false", "escalationLevel=0",
        ];

        using var compiled = SqlCommandsSeen.WithText("LIMIT @take");
        var answered = await CompareAsync(callers, filters.SelectMany(f => new[] { $"{f}&pageSize=2", $"{f}&pageSize=50" }));

        Assert.Multiple(() =>
        {
            Assert.That(answered, Is.GreaterThan(50), "the lists compared were not empty");
            Assert.That(compiled.Commands, Has.Count.EqualTo(callers.Count * filters.Length * 2),
                "each queue's first page was read by the compiled query, and nothing else was:\n" + string.Join("\n---\n", compiled.Commands));
        });
    }

    [Test]
    public async Task TheCompiledSearch_AnswersAsTheGeneralList_ForEveryCallerTextAndPage()
    {
        var (_, callers) = await SeedAsync();
        var number = (await (await Admin.GetAsync("/api/v1/complaints?pageSize=1")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("number").GetString()!;
        string[] texts = [number, number[^4..], "队列", "KETTLE", "断网", "0000", "nothing like it", "50%_off"];
        var searches = texts.SelectMany(t => new[] { 1, 2, 3 }.Select(p => $"q={Uri.EscapeDataString(t)}&pageSize=2&page={p}")).ToList();

        using var compiled = SqlCommandsSeen.WithText("OFFSET @skip");
        var answered = await CompareAsync(callers, searches);

        Assert.Multiple(() =>
        {
            Assert.That(answered, Is.GreaterThan(30), "the searches compared found something");
            Assert.That(compiled.Commands, Has.Count.EqualTo(callers.Count * searches.Count),
                "each search's page was read by the compiled query, and nothing else was:\n" + string.Join("\n---\n", compiled.Commands));
        });
    }

    /// <summary>Each list as it is and down the general path (an always-true range sends it there); the items compared.</summary>
    private static async Task<int> CompareAsync(Dictionary<string, HttpClient> callers, IEnumerable<string> lists)
    {
        var answered = 0;
        foreach (var list in lists)
        {
            foreach (var (caller, client) in callers)
            {
                var fast = await ListAsync(client, list);
                var general = await ListAsync(client, $"{list}&receivedFrom=2000-01-01T00:00:00Z");
                Assert.That(fast.ToString(), Is.EqualTo(general.ToString()), $"{caller}: ?{list}");
                answered += fast.GetProperty("items").GetArrayLength();
            }
        }

        return answered;
    }

    /// <summary>Complaints from a partner and from staff, received, registered and routed; and who lists them.</summary>
    private async Task<(HttpClient Partner, Dictionary<string, HttpClient> Callers)> SeedAsync()
    {
        var partner = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Queue shop")).Key);
        var techSupport = await ApiClient.DepartmentIdAsync("TS");
        var fromPartner = new ComplaintApi(partner);
        await fromPartner.ReceiveAsync(ComplaintApi.NewComplaint("路由器断网", "+86 139 0000 0311", externalReference: "Q-1"));
        var partnersRegistered = (await fromPartner.ReceiveAsync(ComplaintApi.NewComplaint("Kettle leaks", "+86 139 0000 0312", externalReference: "Q-2")))
            .GetProperty("id").GetGuid();
        var staff = new ComplaintApi(Admin);
        await staff.DoAsync(partnersRegistered, "register", new { category = "technicalFault", severity = "major" });
        for (var i = 0; i < 3; i++)
        {
            var id = (await staff.ReceiveAsync(ComplaintApi.NewComplaint($"队列投诉 {i}", $"+86 139 0000 032{i}"))).GetProperty("id").GetGuid();
            if (i > 0)
            {
                await staff.DoAsync(id, "register", new { category = i == 1 ? "technicalFault" : "priceBilling", severity = "general" });
            }
        }

        var manager = await ApiClient.AsStaffAsync("manager");
        var techAgent = ApiClient.WithBearer(await ApiClient.SignInAsync(
            (await ApiClient.CreateStaffAsync("techSupport", techSupport)).Email, ApiClient.StaffPassword));
        var afterSalesAgent = ApiClient.WithBearer(await ApiClient.SignInAsync(
            (await ApiClient.CreateStaffAsync("afterSales", await ApiClient.DepartmentIdAsync("AS"))).Email, ApiClient.StaffPassword));
        _clients.AddRange([partner, manager, techAgent, afterSalesAgent]);
        var callers = new Dictionary<string, HttpClient>
        {
            ["admin"] = Admin, ["manager"] = manager, ["tech agent"] = techAgent, ["after-sales agent"] = afterSalesAgent, ["partner"] = partner,
        };
        return (partner, callers);
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/complaints?" + query.TrimStart('&'));
        await response.AssertStatusAsync(System.Net.HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }
}
