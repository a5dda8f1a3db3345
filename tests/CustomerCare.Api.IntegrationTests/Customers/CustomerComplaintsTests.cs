using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Customers;

/// <summary>What merging and erasing a customer do to their complaints.</summary>
public class CustomerComplaintsTests : AdminIntegrationTest
{
    [Test]
    public async Task Merge_MovesTheDuplicatesComplaintsToTheSurvivor()
    {
        var api = new ComplaintApi(Admin);
        var a = await api.ReceiveAsync(ComplaintApi.NewComplaint(phone: "138 0013 8000"));
        var b = await api.ReceiveAsync(ComplaintApi.NewComplaint("Second", phone: "139 0000 1111"));
        var survivor = a.GetProperty("customerId").GetGuid();
        var duplicate = b.GetProperty("customerId").GetGuid();
        Assert.That(duplicate, Is.Not.EqualTo(survivor));

        await (await Admin.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = duplicate })).AssertStatusAsync(HttpStatusCode.OK);

        var ofSurvivor = await (await Admin.GetAsync($"/api/v1/complaints?customerId={survivor}")).ReadJsonAsync();
        var ofDuplicate = await (await Admin.GetAsync($"/api/v1/complaints?customerId={duplicate}")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ofSurvivor.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
            Assert.That(ofDuplicate.GetProperty("totalCount").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task Erase_RedactsWhatTheCustomerSaidInComplaints_KeepsTheComplaintsCounted()
    {
        var api = new ComplaintApi(Admin);
        var received = await api.ReceiveAsync(new
        {
            channel = "phone",
            customer = new { name = "Zhang Wei", phone = "138 0013 8000" },
            title = "Zhang Wei's kettle leaks",
            description = "Zhang Wei at Lane 5 says the kettle leaks.",
            remedySought = "Call Zhang Wei back on 13800138000",
        });
        var id = received.GetProperty("id").GetGuid();
        var customerId = received.GetProperty("customerId").GetGuid();
        await api.DoAsync(id, "contacts", new { channel = "phone", direction = "outbound", summary = "Spoke to Zhang Wei at home" });
        await api.DoAsync(id, "assign", new { assigneeId = (await ApiClient.CreateStaffAsync("agent")).Id, reason = "Local agent" });
        await api.DoAsync(id, "return-to-queue", new { reason = "Zhang Wei wants someone who speaks Shanghainese" });
        await api.DoAsync(id, "close", new { reason = "withdrawn", comment = "Zhang Wei withdrew" });

        var export = await (await Admin.GetAsync($"/api/v1/customers/{customerId}/export")).ReadJsonAsync();
        var exportedComplaint = export.GetProperty("complaints").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(exportedComplaint.GetProperty("complaint").GetProperty("description").GetString(), Does.Contain("Lane 5"), "the export holds everything");
            Assert.That(exportedComplaint.GetProperty("timeline").GetArrayLength(), Is.EqualTo(5));
        });

        await (await Admin.PostAsync($"/api/v1/customers/{customerId}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var complaint = await (await Admin.GetAsync($"/api/v1/complaints/{id}")).Content.ReadAsStringAsync();
        var timeline = await (await Admin.GetAsync($"/api/v1/complaints/{id}/timeline")).Content.ReadAsStringAsync();
        var exportAfter = await (await Admin.GetAsync($"/api/v1/customers/{customerId}/export")).Content.ReadAsStringAsync();
        var list = await (await Admin.GetAsync($"/api/v1/complaints?customerId={customerId}")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(complaint, Does.Not.Contain("Zhang").And.Not.Contain("13800138000").And.Not.Contain("Lane 5"));
            Assert.That(timeline, Does.Not.Contain("Zhang"));
            Assert.That(exportAfter, Does.Not.Contain("Zhang").And.Not.Contain("Lane 5"));
            Assert.That(complaint, Does.Contain("\"status\":\"closed\"").And.Contain("\"reason\":\"withdrawn\""));
            Assert.That(list.GetProperty("totalCount").GetInt32(), Is.EqualTo(1), "the complaint still counts");
        });
    }
}

public class ErasureOfReplaysTests : AdminIntegrationTest
{
    [TestCase("staff")]
    [TestCase("partner")]
    public async Task ErasingACustomer_TurnsTheRepliesKeptForIdempotentReplaysInto410_WithoutTheirData_AndRunsNothingAgain(string caller)
    {
        using var partner = caller == "partner" ? ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Shop E")).Key) : null;
        var client = partner ?? Admin;
        var body = new
        {
            channel = "phone",
            customer = new { name = "李雷", phone = "139 1234 5678" },
            title = "李雷的水壶漏水",
            description = "李雷说请打 13912345678 联系他",
            externalReference = "E-1",
        };

        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "erase-me-1");
            return await client.SendAsync(request);
        }

        var first = await SendAsync();
        await first.AssertStatusAsync(HttpStatusCode.Created);
        var id = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();
        var replay = await SendAsync();
        Assert.That(await replay.Content.ReadAsStringAsync(), Does.Contain("13912345678"), "replayed before the erasure");
        var customerId = (await (await Admin.GetAsync($"/api/v1/complaints/{id}")).ReadJsonAsync()).GetProperty("customerId").GetGuid();

        await (await Admin.PostAsync($"/api/v1/customers/{customerId}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);
        var after = await SendAsync();

        var problem = await after.AssertProblemAsync(HttpStatusCode.Gone);
        var complaints = await (await Admin.GetAsync("/api/v1/complaints")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetRawText(), Does.Not.Contain("13912345678").And.Not.Contain("李雷"));
            Assert.That(after.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true", Is.True);
            Assert.That(complaints.GetProperty("totalCount").GetInt32(), Is.EqualTo(1), "the request did not run again");
        });
    }
}

public class CustomerOverviewTests : AdminIntegrationTest
{
    [Test]
    public async Task Overview_ShowsTheCustomersComplaintsOnOneScreen()
    {
        var api = new ComplaintApi(Admin);
        var first = await api.ReceiveAsync();
        var customerId = first.GetProperty("customerId").GetGuid();
        var resolved = await api.BringToResolvedAsync();
        await api.DoAsync(resolved, "close", new { reason = "resolved", satisfaction = 4 });
        await api.ReceiveAsync(ComplaintApi.NewComplaint("Third"));

        var (agentId, agentEmail) = await ApiClient.CreateStaffAsync("agent");
        using var agent = ApiClient.WithBearer(await ApiClient.SignInAsync(agentEmail, ApiClient.StaffPassword));
        var overview = await (await agent.GetAsync($"/api/v1/customers/{customerId}/overview")).ReadJsonAsync();

        var complaints = overview.GetProperty("complaints");
        Assert.Multiple(async () =>
        {
            Assert.That(overview.GetProperty("name").GetString(), Is.EqualTo("Zhang Wei"));
            Assert.That(complaints.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(complaints.GetProperty("open").GetInt32(), Is.EqualTo(2));
            Assert.That(complaints.GetProperty("closed").GetInt32(), Is.EqualTo(1));
            Assert.That(complaints.GetProperty("averageSatisfaction").GetDouble(), Is.EqualTo(4.0));
            Assert.That(complaints.GetProperty("latest")[0].GetProperty("title").GetString(), Is.EqualTo("Third"));
            var log = await (await Admin.GetAsync($"/api/v1/audit?customerId={customerId}&actorId={agentId}&action=read")).ReadJsonAsync();
            Assert.That(log.GetProperty("totalCount").GetInt32(), Is.EqualTo(1), "the 360° view is a read of personal data");
        });
    }
}
