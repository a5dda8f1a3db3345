using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerCare.Api.IntegrationTests.Incidents;

/// <summary>
/// Mass-fault incidents: complaints traced to one by rule or selection, counted by status and clock, resolved all at
/// once in resumable batches (each complaint its own entry, clocks and ETag; each customer told once), shown in the
/// hotspots, and seen by a partner only through its own complaints.
/// </summary>
public class IncidentTests : AdminIntegrationTest
{
    private const string Fix = "光缆已熔接修复，宽带业务全部恢复。如仍无法上网，请重启光猫。";

    private async Task<Guid> OpenIncidentAsync(HttpClient client, string title = "滨江区光缆中断", string product = "宽带")
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", new
        {
            title, description = "施工挖断主干光缆。", cause = "network", product, region = "杭州市滨江区", startedAt = DateTimeOffset.UtcNow.AddHours(-3),
        });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Receives a complaint about broadband (over HTTP, as a front end would) and registers it unless told not to.</summary>
    private static async Task<Guid> ReceiveAsync(HttpClient client, int n, string product = "宽带", bool register = true)
    {
        var received = await client.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "phone", customer = new { name = $"客户{n}", phone = $"139 {n / 10000:0000} {n % 10000:0000}" },
            title = "宽带无法上网", description = "从早上开始光猫 LOS 灯红色闪烁。", category = "technicalFault", product,
        });
        await received.AssertStatusAsync(HttpStatusCode.Created);
        var id = (await received.ReadJsonAsync()).GetProperty("id").GetGuid();
        if (register)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{id}/register")
            {
                Content = JsonContent.Create(new { category = "technicalFault", severity = "general", customerAcknowledged = true }),
            };
            request.Headers.IfMatch.Add(received.Headers.ETag!);
            await (await client.SendAsync(request)).AssertStatusAsync(HttpStatusCode.OK);
        }

        return id;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body);
        await response.AssertStatusAsync(expected);
        return await response.ReadJsonAsync();
    }

    [Test]
    public async Task AnIncident_ResolvesFiveHundredLinkedComplaints_InResumableBatches_EachKeepingItsOwnTimelineClocksAndETag_AndTellsEachCustomerOnce()
    {
        var incident = await OpenIncidentAsync(Admin);
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var ids = new Guid[500];
        await Parallel.ForAsync(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) => ids[i] = await ReceiveAsync(Admin, i));
        await ReceiveAsync(Admin, 900, register: false);
        var otherProduct = await ReceiveAsync(Admin, 901, product: "固话");
        var sample = ids[123];
        var etagBefore = (await Admin.GetAsync($"/api/v1/complaints/{sample}")).Headers.ETag!;

        var rule = new { rule = new { category = "technicalFault", product = "宽带", receivedFrom = from, receivedTo = DateTimeOffset.UtcNow.AddMinutes(1) } };
        var linked = await PostAsync(Admin, $"/api/v1/incidents/{incident}/complaints", rule, HttpStatusCode.OK);
        var linkedAgain = await PostAsync(Admin, $"/api/v1/incidents/{incident}/complaints", rule, HttpStatusCode.OK);
        var etagLinked = (await Admin.GetAsync($"/api/v1/complaints/{sample}")).Headers.ETag!;
        var before = await (await Admin.GetAsync($"/api/v1/incidents/{incident}")).ReadJsonAsync();

        var resolved = await PostAsync(Admin, $"/api/v1/incidents/{incident}/resolve", new { resolution = Fix }, HttpStatusCode.OK);
        var resumed = await PostAsync(Admin, $"/api/v1/incidents/{incident}/resolve", new { resolution = Fix }, HttpStatusCode.OK);
        var otherText = await Admin.PostAsJsonAsync($"/api/v1/incidents/{incident}/resolve", new { resolution = "另一种说法" });
        var after = await (await Admin.GetAsync($"/api/v1/incidents/{incident}")).ReadJsonAsync();
        var late = await Admin.PostAsJsonAsync($"/api/v1/incidents/{incident}/complaints", new { complaintIds = new[] { otherProduct } });

        var (complaint, etagResolved) = await new ComplaintApi(Admin).GetAsync(sample);
        var timeline = (await (await Admin.GetAsync($"/api/v1/complaints/{sample}/timeline")).ReadJsonAsync()).EnumerateArray().ToList();
        var toldPerComplaint = await Dispatch.ScalarAsync(
            """
            SELECT count(*) FROM (SELECT complaint_id FROM notifications WHERE event = 'ComplaintResolved' AND audience = 'Customer'
                                  GROUP BY complaint_id HAVING count(*) = 1) once
            """);
        var toldTwice = await Dispatch.ScalarAsync(
            "SELECT count(*) FROM (SELECT recipient_id FROM notifications WHERE event = 'ComplaintResolved' GROUP BY recipient_id, channel HAVING count(*) > 1) twice");
        Assert.Multiple(() =>
        {
            Assert.That(linked.GetProperty("linked").GetInt32(), Is.EqualTo(501), "the 500 and the one not yet registered; not the other product");
            Assert.That(linkedAgain.GetProperty("linked").GetInt32(), Is.EqualTo(0));
            Assert.That(linkedAgain.GetProperty("alreadyLinked").GetInt32(), Is.EqualTo(501), "linking again changes nothing");
            Assert.That(etagLinked, Is.Not.EqualTo(etagBefore), "a linked complaint has a new version");
            Assert.That(before.GetProperty("complaints").GetProperty("total").GetInt32(), Is.EqualTo(501));
            Assert.That(before.GetProperty("complaints").GetProperty("byStatus").GetProperty("registered").GetInt32(), Is.EqualTo(500));
            Assert.That(before.GetProperty("complaints").GetProperty("byStatus").GetProperty("received").GetInt32(), Is.EqualTo(1));
            Assert.That(before.GetProperty("complaints").GetProperty("byStatus").GetProperty("closed").GetInt32(), Is.EqualTo(0), "every status, zero included");
            Assert.That(before.GetProperty("complaints").GetProperty("onTrack").GetInt32(), Is.EqualTo(501), "fresh complaints: no clock at risk yet");

            Assert.That(resolved.GetProperty("resolved").GetInt32(), Is.EqualTo(500));
            Assert.That(resolved.GetProperty("notRegistered").GetInt32(), Is.EqualTo(1), "a complaint only received waits for its registration");
            Assert.That(resolved.GetProperty("notPermitted").GetInt32(), Is.EqualTo(0));
            Assert.That(resolved.GetProperty("remaining").GetInt32(), Is.EqualTo(0));
            Assert.That(resumed.GetProperty("resolved").GetInt32(), Is.EqualTo(0), "asking again resolves nothing twice");
            Assert.That(resumed.GetProperty("alreadyDone").GetInt32(), Is.EqualTo(500));
            Assert.That((int)otherText.StatusCode, Is.EqualTo(409), "a resolved incident keeps its resolution");
            Assert.That((int)late.StatusCode, Is.EqualTo(409), "a resolved incident takes no more complaints");
            Assert.That(after.GetProperty("incident").GetProperty("status").GetString(), Is.EqualTo("resolved"));
            Assert.That(after.GetProperty("incident").GetProperty("resolution").GetString(), Is.EqualTo(Fix));
            Assert.That(after.GetProperty("complaints").GetProperty("byStatus").GetProperty("resolved").GetInt32(), Is.EqualTo(500));

            Assert.That(complaint.GetProperty("status").GetString(), Is.EqualTo("resolved"));
            Assert.That(complaint.GetProperty("incidentId").GetGuid(), Is.EqualTo(incident));
            Assert.That(complaint.GetProperty("resolution").GetProperty("outcome").GetString(), Is.EqualTo(Fix));
            Assert.That(complaint.GetProperty("sla").EnumerateArray().Single(c => c.GetProperty("milestone").GetString() == "resolution")
                .GetProperty("metAt").ValueKind, Is.EqualTo(JsonValueKind.String), "its own resolution clock is met");
            Assert.That(etagResolved, Is.Not.EqualTo(etagLinked), "each resolved complaint has a new ETag");
            Assert.That(timeline.Select(e => e.GetProperty("kind").GetString()), Is.EqualTo(new[] { "received", "registered", "linkedToIncident", "resolved" }));
            Assert.That(timeline[2].GetProperty("text").GetString(), Does.Contain("滨江区光缆中断"));
            Assert.That(timeline[3].GetProperty("text").GetString(), Is.EqualTo(Fix));

            Assert.That(toldPerComplaint, Is.EqualTo(500), "every resolved complaint's customer is told, once");
            Assert.That(toldTwice, Is.EqualTo(0), "nobody is told twice, resumed or not");
        });
    }

    [Test]
    public async Task LinkingBySelection_ListsWhatItRefused_AndAPartnerSeesTheIncidentOnlyThroughItsOwnComplaints()
    {
        var partnerA = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Partner A")).Key);
        var partnerB = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Partner B")).Key);
        var ofA = (await new ComplaintApi(partnerA).ReceiveAsync(ComplaintApi.NewComplaint(externalReference: "A-1"))).GetProperty("id").GetGuid();
        var ofAdmin = await ReceiveAsync(Admin, 1);
        var elsewhere = await ReceiveAsync(Admin, 2);
        var incident = await OpenIncidentAsync(Admin);
        var other = await OpenIncidentAsync(Admin, "另一次故障");
        await PostAsync(Admin, $"/api/v1/incidents/{other}/complaints", new { complaintIds = new[] { elsewhere } }, HttpStatusCode.OK);
        var missing = Guid.NewGuid();

        var linked = await PostAsync(Admin, $"/api/v1/incidents/{incident}/complaints",
            new { complaintIds = new[] { ofA, ofAdmin, elsewhere, missing, ofA } }, HttpStatusCode.OK);
        var seenByA = await partnerA.GetAsync($"/api/v1/incidents/{incident}");
        var seenByB = await partnerB.GetAsync($"/api/v1/incidents/{incident}");
        var partnerTimeline = (await (await partnerA.GetAsync($"/api/v1/complaints/{ofA}/timeline")).ReadJsonAsync()).EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        var list = await (await Admin.GetAsync("/api/v1/incidents?status=open")).ReadJsonAsync();
        var hotspots = await (await Admin.GetAsync("/api/v1/reports/complaints/hotspots")).ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(linked.GetProperty("linked").GetInt32(), Is.EqualTo(2), "a duplicate id counts once");
            Assert.That(linked.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("complaintId").GetGuid(), r.GetProperty("code").GetString())),
                Is.EquivalentTo(new[] { (missing, "complaint.notFound"), (elsewhere, "complaint.linkedToAnotherIncident") }));
            Assert.That((int)seenByA.StatusCode, Is.EqualTo(200));
            var forA = await seenByA.ReadJsonAsync();
            Assert.That(forA.GetProperty("complaints").GetProperty("total").GetInt32(), Is.EqualTo(1), "a partner counts its own complaints only");
            Assert.That(seenByA.Headers.ETag, Is.Not.Null);
            Assert.That((int)seenByB.StatusCode, Is.EqualTo(404), "none of B's complaints is traced to it: as if it did not exist");
            Assert.That(partnerTimeline, Does.Contain("linkedToIncident"), "the partner sees its complaint is part of a known fault");
            Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Is.EquivalentTo(new[] { incident, other }));
            Assert.That(hotspots.GetProperty("incidents").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("complaints").GetInt32())),
                Is.EqualTo(new[] { (incident, 2), (other, 1) }), "the hotspots show the incidents under way, most complaints first");
            Assert.That(hotspots.GetProperty("incidents")[0].GetProperty("causeLabel").GetString(), Is.Not.Empty.And.Not.EqualTo("network"), "the cause by its name");
        });
        partnerA.Dispose();
        partnerB.Dispose();
    }

    [Test]
    public async Task WrongInput_IsA400NamingTheField_ARuleOverTheLimitIs409_AndAnAgentMayNotOpenOne()
    {
        var incident = await OpenIncidentAsync(Admin);
        var now = DateTimeOffset.UtcNow;
        async Task<(int Status, string Body)> Send(string url, object body)
        {
            var response = await Admin.PostAsJsonAsync(url, body);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var unknownCause = await Send("/api/v1/incidents", new { title = "故障", cause = "noSuchCause" });
        var future = await Send("/api/v1/incidents", new { title = "故障", cause = "network", startedAt = now.AddDays(1) });
        var neither = await Send($"/api/v1/incidents/{incident}/complaints", new { });
        var both = await Send($"/api/v1/incidents/{incident}/complaints",
            new { complaintIds = new[] { Guid.NewGuid() }, rule = new { category = "technicalFault", receivedFrom = now.AddDays(-1), receivedTo = now } });
        var longWindow = await Send($"/api/v1/incidents/{incident}/complaints",
            new { rule = new { category = "technicalFault", receivedFrom = now.AddDays(-40), receivedTo = now } });
        var noResolution = await Send($"/api/v1/incidents/{incident}/resolve", new { resolution = " " });
        var endedBefore = await Send($"/api/v1/incidents/{incident}/resolve", new { resolution = Fix, endedAt = now.AddDays(-2) });
        var unknown = await Send($"/api/v1/incidents/{Guid.NewGuid()}/resolve", new { resolution = Fix });

        await ReceiveAsync(Admin, 1, register: false);
        await ReceiveAsync(Admin, 2, register: false);
        await ReceiveAsync(Admin, 3, register: false);
        await using var narrow = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Incidents:MaxLinksPerRule", "2"));
        using var narrowAdmin = narrow.CreateClient();
        narrowAdmin.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        var overLimit = await narrowAdmin.PostAsJsonAsync($"/api/v1/incidents/{incident}/complaints",
            new { rule = new { category = "technicalFault", receivedFrom = now.AddHours(-1), receivedTo = now.AddHours(1) } });
        var stillNone = await (await Admin.GetAsync($"/api/v1/incidents/{incident}")).ReadJsonAsync();

        using var agent = await ApiClient.AsStaffAsync("agent");
        var byAgent = await agent.PostAsJsonAsync("/api/v1/incidents", new { title = "故障", cause = "network" });
        var agentReads = await agent.GetAsync($"/api/v1/incidents/{incident}");
        static void Expect((int Status, string Body) answer, int status, string field)
        {
            Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
            Assert.That(answer.Body, Does.Contain(field));
        }

        Assert.Multiple(async () =>
        {
            Expect(unknownCause, 400, "\"cause\"");
            Expect(future, 400, "\"startedAt\"");
            Assert.That(neither.Status, Is.EqualTo(400));
            Assert.That(both.Status, Is.EqualTo(400));
            Expect(longWindow, 400, "receivedTo");
            Expect(noResolution, 400, "\"resolution\"");
            Expect(endedBefore, 400, "\"endedAt\"");
            Assert.That(unknown.Status, Is.EqualTo(404));
            Assert.That((int)overLimit.StatusCode, Is.EqualTo(409));
            Assert.That(JsonDocument.Parse(await overLimit.Content.ReadAsStringAsync()).RootElement.GetProperty("complaints").GetInt32(), Is.EqualTo(3),
                "how many the rule matched");
            Assert.That(stillNone.GetProperty("complaints").GetProperty("total").GetInt32(), Is.EqualTo(0), "nothing linked");
            Assert.That((int)byAgent.StatusCode, Is.EqualTo(403));
            Assert.That((int)agentReads.StatusCode, Is.EqualTo(200), "every staff member reads incidents");
        });
    }
}
