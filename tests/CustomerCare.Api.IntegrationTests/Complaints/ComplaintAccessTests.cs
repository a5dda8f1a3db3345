using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>Partners see and send only their own complaints; staff see their department's; search and filters work.</summary>
public class ComplaintAccessTests : IntegrationTest
{
    [Test]
    public async Task Partner_ResendingTheSameExternalReference_GetsTheSameComplaintBack()
    {
        using var partnerClient = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Shop A")).Key);
        var body = ComplaintApi.NewComplaint(externalReference: "SHOP-A-1001");

        var first = await partnerClient.PostAsJsonAsync("/api/v1/complaints", body);
        var again = await partnerClient.PostAsJsonAsync("/api/v1/complaints", body);

        await first.AssertStatusAsync(HttpStatusCode.Created);
        await again.AssertStatusAsync(HttpStatusCode.OK);
        var firstBody = await first.ReadJsonAsync();
        var againBody = await again.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(againBody.GetProperty("id").GetGuid(), Is.EqualTo(firstBody.GetProperty("id").GetGuid()));
            Assert.That(again.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(firstBody.GetProperty("firstResponderId").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(firstBody.GetProperty("allowedActions").GetArrayLength(), Is.Zero, "partners read, staff act");
        });
    }

    [Test]
    public async Task Partner_SendingTheSameReferenceInParallel_CreatesOneComplaint()
    {
        using var partnerClient = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync()).Key);
        var body = ComplaintApi.NewComplaint(externalReference: "RACE-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => partnerClient.PostAsJsonAsync("/api/v1/complaints", body)));

        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            ids.Add((await response.ReadJsonAsync()).GetProperty("id").GetGuid());
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Partner_SeesOnlyItsOwnComplaints_AndCannotAct()
    {
        using var partnerA = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("A")).Key);
        using var partnerB = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("B")).Key);
        var mine = await new ComplaintApi(partnerA).ReceiveAsync(ComplaintApi.NewComplaint(externalReference: "A-1"));
        var id = mine.GetProperty("id").GetGuid();

        var byOther = await partnerB.GetAsync($"/api/v1/complaints/{id}");
        var otherList = await (await partnerB.GetAsync("/api/v1/complaints")).ReadJsonAsync();
        var act = await new ComplaintApi(partnerA).ActAsync(id, "register", new { category = "other", severity = "general" });

        await byOther.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(otherList.GetProperty("totalCount").GetInt32(), Is.Zero);
        await act.AssertProblemAsync(HttpStatusCode.Forbidden);
        var body = await (await partnerA.GetAsync($"/api/v1/complaints/{id}")).Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain("Zhang"), "no customer personal data in complaint responses");
    }

    [Test]
    public async Task Agent_OfAnotherDepartment_DoesNotSeeAComplaintRoutedElsewhere_TheFirstResponderStillDoes()
    {
        var (_, responderEmail) = await ApiClient.CreateStaffAsync("agent");
        using var responderClient = ApiClient.WithBearer(await ApiClient.SignInAsync(responderEmail, ApiClient.StaffPassword));
        var responder = new ComplaintApi(responderClient);
        var id = (await responder.ReceiveAsync()).GetProperty("id").GetGuid();
        var registered = await responder.DoAsync(id, "register", new { category = "technicalFault", severity = "general" });
        Assert.That(registered.GetProperty("responsibleDepartmentId").GetGuid(), Is.EqualTo(await ApiClient.DepartmentIdAsync("TS")));
        var again = await responder.ActAsync(id, "assign", new { departmentId = await ApiClient.DepartmentIdAsync("TS"), reason = "Technical fault" });
        await again.AssertProblemAsync(HttpStatusCode.Forbidden); // assigning is the department head's

        using var afterSalesAgent = ApiClient.WithBearer(await ApiClient.SignInAsync(
            (await ApiClient.CreateStaffAsync("afterSales", await ApiClient.DepartmentIdAsync("AS"))).Email, ApiClient.StaffPassword));
        using var techAgent = ApiClient.WithBearer(await ApiClient.SignInAsync(
            (await ApiClient.CreateStaffAsync("techSupport", await ApiClient.DepartmentIdAsync("TS"))).Email, ApiClient.StaffPassword));
        using var manager = await ApiClient.AsStaffAsync("manager");

        await (await afterSalesAgent.GetAsync($"/api/v1/complaints/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await techAgent.GetAsync($"/api/v1/complaints/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await responderClient.GetAsync($"/api/v1/complaints/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await manager.GetAsync($"/api/v1/complaints/{id}")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task List_FiltersSearchesAndPages()
    {
        using var admin = await ApiClient.AsAdminAsync();
        var api = new ComplaintApi(admin);
        var kettle = (await api.ReceiveAsync(ComplaintApi.NewComplaint("Kettle leaks"))).GetProperty("id").GetGuid();
        var router = (await api.ReceiveAsync(ComplaintApi.NewComplaint("Router drops wifi"))).GetProperty("id").GetGuid();
        await api.DoAsync(router, "register", new { category = "technicalFault", severity = "major" });
        var number = (await api.GetAsync(kettle)).Body.GetProperty("number").GetString()!;

        async Task<List<Guid>> Find(string query) =>
            (await (await admin.GetAsync($"/api/v1/complaints?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(await Find("q=WIFI"), Is.EqualTo(new[] { router }));
            Assert.That(await Find($"q={number}"), Is.EqualTo(new[] { kettle }));
            Assert.That(await Find("status=registered"), Is.EqualTo(new[] { router }));
            Assert.That(await Find("severity=major&category=technicalFault"), Is.EqualTo(new[] { router }));
            Assert.That(await Find("sort=receivedAtAsc"), Is.EqualTo(new[] { kettle, router }));
            Assert.That(await Find("sort=receivedAtDesc&pageSize=1&page=2"), Is.EqualTo(new[] { kettle }));
            Assert.That(await Find($"createdFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"))}&createdTo={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}"), Has.Count.EqualTo(2));
            Assert.That(await Find($"createdTo={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}"), Is.Empty);
        });
        await (await admin.GetAsync("/api/v1/complaints?pageSize=500")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/complaints?status=lost")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
