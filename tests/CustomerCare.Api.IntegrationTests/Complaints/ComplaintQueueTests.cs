using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// A queue's first page (equality filters, newest first) is read by a query compiled once (ComplaintQueue); every other
/// list by the LINQ built per request. Both must give every caller the same rows and the same count.
/// </summary>
public class ComplaintQueueTests : AdminIntegrationTest
{
    [Test]
    public async Task TheCompiledQueue_AnswersAsTheGeneralList_ForEveryCallerAndFilter()
    {
        var (partnerId, _, partnerKey) = await ApiClient.CreatePartnerKeyAsync("Queue shop");
        using var partner = ApiClient.WithApiKey(partnerKey);
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

        using var manager = await ApiClient.AsStaffAsync("manager");
        using var techAgent = ApiClient.WithBearer(await ApiClient.SignInAsync(
            (await ApiClient.CreateStaffAsync("techSupport", techSupport)).Email, ApiClient.StaffPassword));
        using var afterSalesAgent = ApiClient.WithBearer(await ApiClient.SignInAsync(
            (await ApiClient.CreateStaffAsync("afterSales", await ApiClient.DepartmentIdAsync("AS"))).Email, ApiClient.StaffPassword));
        var callers = new Dictionary<string, HttpClient>
        {
            ["admin"] = Admin, ["manager"] = manager, ["tech agent"] = techAgent, ["after-sales agent"] = afterSalesAgent, ["partner"] = partner,
        };
        string[] filters =
        [
            "", "status=registered", "status=received", $"departmentId={techSupport}", $"status=registered&departmentId={techSupport}",
            "severity=major&category=technicalFault", $"partnerId={partnerId}", "channel=phone&keyCustomer=false", "escalationLevel=0",
        ];

        using var compiled = SqlCommandsSeen.WithText("LIMIT @take");
        var answered = 0;
        foreach (var (caller, client) in callers)
        {
            foreach (var filter in filters)
            {
                foreach (var pageSize in new[] { 2, 50 })
                {
                    var queue = await ListAsync(client, $"{filter}&pageSize={pageSize}");
                    // An always-true range sends the same list down the general path.
                    var general = await ListAsync(client, $"{filter}&pageSize={pageSize}&receivedFrom=2000-01-01T00:00:00Z");
                    Assert.That(queue.ToString(), Is.EqualTo(general.ToString()), $"{caller}: ?{filter}&pageSize={pageSize}");
                    answered += queue.GetProperty("items").GetArrayLength();
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(answered, Is.GreaterThan(50), "the lists compared were not empty");
            Assert.That(compiled.Commands, Has.Count.EqualTo(callers.Count * filters.Length * 2),
                "each queue's first page was read by the compiled query, and nothing else was");
        });
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/complaints?" + query.TrimStart('&'));
        await response.AssertStatusAsync(System.Net.HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }
}
