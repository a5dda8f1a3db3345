using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Security;

/// <summary>
/// Object-level authorisation: a partner or an agent guessing another's ids learns nothing (404, the same answer as for an
/// id that does not exist) and changes nothing; a create body cannot set what the workflow decides (mass assignment).
/// </summary>
public sealed class ObjectLevelAuthorizationTests : IntegrationTest
{
    private HttpClient _partnerA = null!;
    private HttpClient _partnerB = null!;
    private HttpClient _afterSalesAgent = null!;
    private HttpClient _owner = null!;
    private Guid _complaintOfB;
    private Guid _webhookOfB;
    private Guid _complaintOfTechSupport;
    private Guid _customerOfTechSupport;
    private Guid _careTaskOfTechSupport;
    private Guid _incidentOfB;
    private Guid _importOfB;

    [SetUp]
    public async Task CreateOwnersAndIntrudersAsync()
    {
        _partnerA = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Partner A")).Key);
        _partnerB = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync("Partner B")).Key);
        _complaintOfB = (await new ComplaintApi(_partnerB).ReceiveAsync(ComplaintApi.NewComplaint(externalReference: "B-1"))).GetProperty("id").GetGuid();
        var webhook = await _partnerB.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.partner-b.example/care", eventTypes = new[] { "complaint.received" } });
        await webhook.AssertStatusAsync(HttpStatusCode.Created);
        _webhookOfB = (await webhook.ReadJsonAsync()).GetProperty("webhook").GetProperty("id").GetGuid();

        var (_, techEmail) = await ApiClient.CreateStaffAsync("techSupport", await ApiClient.DepartmentIdAsync("TS"));
        _owner = ApiClient.WithBearer(await ApiClient.SignInAsync(techEmail, ApiClient.StaffPassword));
        var owner = new ComplaintApi(_owner);
        _complaintOfTechSupport = (await owner.ReceiveAsync(ComplaintApi.NewComplaint("Router drops", "139 0013 9001"))).GetProperty("id").GetGuid();
        await owner.DoAsync(_complaintOfTechSupport, "register", new { category = "technicalFault", severity = "general", customerAcknowledged = true });
        _customerOfTechSupport = (await (await _owner.GetAsync($"/api/v1/complaints/{_complaintOfTechSupport}")).ReadJsonAsync()).GetProperty("customerId").GetGuid();
        var task = await _owner.PostAsJsonAsync("/api/v1/care-tasks", new
        {
            kind = "followUpCall", customerId = _customerOfTechSupport, complaintId = _complaintOfTechSupport,
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), subject = "回访：路由器掉线", notes = "客户说邻居也掉线，内部备注",
        });
        await task.AssertStatusAsync(HttpStatusCode.Created);
        _careTaskOfTechSupport = (await task.ReadJsonAsync()).GetProperty("id").GetGuid();
        var (_, afterSalesEmail) = await ApiClient.CreateStaffAsync("afterSales", await ApiClient.DepartmentIdAsync("AS"));
        _afterSalesAgent = ApiClient.WithBearer(await ApiClient.SignInAsync(afterSalesEmail, ApiClient.StaffPassword));

        using var admin = await ApiClient.AsAdminAsync();
        var incident = await admin.PostAsJsonAsync("/api/v1/incidents", new { title = "基站故障", cause = "network" });
        await incident.AssertStatusAsync(HttpStatusCode.Created);
        _incidentOfB = (await incident.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/incidents/{_incidentOfB}/complaints", new { complaintIds = new[] { _complaintOfB } }))
            .AssertStatusAsync(HttpStatusCode.OK);
        var (importOfB, _) = await ImportTests.ImportAsync(_partnerB,
            """{"externalReference":"B-2","channel":"phone","title":"宽带断网","description":"整栋楼无法上网","customer":{"name":"王芳","phone":"138 0013 8002"}}""",
            "application/x-ndjson");
        _importOfB = importOfB.GetProperty("id").GetGuid();
    }

    [TearDown]
    public void DisposeClients()
    {
        _partnerA.Dispose();
        _partnerB.Dispose();
        _afterSalesAgent.Dispose();
        _owner.Dispose();
    }

    /// <summary>Every route with an id of a complaint (also its files'), a webhook, a care task, an incident or an import, whichever method, as the framework maps it.</summary>
    private static IEnumerable<(string Method, string Pattern)> ScopedRoutes() =>
        Testing.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.Contains("complaints/{id", StringComparison.Ordinal)
                || raw.Contains("complaints/{complaintId", StringComparison.Ordinal)
                || raw.Contains("webhooks/{id", StringComparison.Ordinal) || raw.Contains("care-tasks/{id", StringComparison.Ordinal)
                || raw.Contains("incidents/{id", StringComparison.Ordinal) || raw.Contains("complaint-imports/{id", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)));

    private static string Url(string pattern, Guid id) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{(?:id|complaintId)(:[^}]*)?\}", id.ToString()),
            @"\{(\w+)(:[^}]*)?\}", "00000000-0000-0000-0000-0000000000aa");

    private static async Task<(HttpStatusCode Status, string? Title)> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var title = body.StartsWith('{') && JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        return (response.StatusCode, title);
    }

    [Test]
    public async Task EveryScopedRoute_AnswersAForeignIdExactlyAsAnIdThatDoesNotExist()
    {
        var routes = ScopedRoutes().ToList();
        Assert.That(routes, Has.Count.GreaterThan(20), "the complaint and webhook routes were found");
        var cases = new List<(string Who, HttpClient Client, Guid Foreign, Func<string, bool> Applies)>
        {
            ("partner A on B's complaint", _partnerA, _complaintOfB, p => p.Contains("complaints/", StringComparison.Ordinal)),
            ("partner A on B's webhook", _partnerA, _webhookOfB, p => p.Contains("webhooks/", StringComparison.Ordinal)),
            ("after-sales agent on a tech-support complaint", _afterSalesAgent, _complaintOfTechSupport, p => p.Contains("complaints/", StringComparison.Ordinal)),
            ("after-sales agent on a tech-support complaint's care task", _afterSalesAgent, _careTaskOfTechSupport, p => p.Contains("care-tasks/", StringComparison.Ordinal)),
            ("partner A on a care task", _partnerA, _careTaskOfTechSupport, p => p.Contains("care-tasks/", StringComparison.Ordinal)),
            ("partner A on an incident only B's complaint is traced to", _partnerA, _incidentOfB, p => p.Contains("incidents/", StringComparison.Ordinal)),
            ("partner A on B's import", _partnerA, _importOfB, p => p.Contains("complaint-imports/", StringComparison.Ordinal)),
        };
        var leaks = new List<string>();
        foreach (var (who, client, foreign, applies) in cases)
        {
            foreach (var (method, pattern) in routes.Where(r => applies(r.Pattern)))
            {
                var guessed = await SendAsync(client, method, Url(pattern, foreign));
                var missing = await SendAsync(client, method, Url(pattern, Guid.NewGuid()));
                if (guessed != missing || (int)guessed.Status is >= 200 and < 300)
                {
                    leaks.Add($"{who}: {method} {pattern} answered {(int)guessed.Status} '{guessed.Title}' for the foreign id, {(int)missing.Status} '{missing.Title}' for a missing one");
                }
            }
        }

        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public async Task WellFormedRequestsOnForeignIds_Answer404_AndChangeNothing()
    {
        var complaintBefore = await (await _partnerB.GetAsync($"/api/v1/complaints/{_complaintOfB}")).Content.ReadAsStringAsync();
        var routedBefore = await (await _owner.GetAsync($"/api/v1/complaints/{_complaintOfTechSupport}")).Content.ReadAsStringAsync();
        var etag = (await _owner.GetAsync($"/api/v1/complaints/{_complaintOfTechSupport}")).Headers.ETag!;

        var attempts = new List<HttpResponseMessage>
        {
            await _partnerA.GetAsync($"/api/v1/complaints/{_complaintOfB}"),
            await _partnerA.GetAsync($"/api/v1/complaints/{_complaintOfB}/timeline"),
            await _partnerA.GetAsync($"/api/v1/webhooks/{_webhookOfB}"),
            await _partnerA.PutAsJsonAsync($"/api/v1/webhooks/{_webhookOfB}", new { url = "https://attacker.example/steal", eventTypes = new[] { "complaint.received" }, isActive = true }),
            await _partnerA.PostAsync($"/api/v1/webhooks/{_webhookOfB}/rotate-secret", null),
            await _partnerA.GetAsync($"/api/v1/webhooks/{_webhookOfB}/deliveries"),
            await _partnerA.DeleteAsync($"/api/v1/webhooks/{_webhookOfB}"),
            await _afterSalesAgent.GetAsync($"/api/v1/complaints/{_complaintOfTechSupport}"),
            await _afterSalesAgent.GetAsync($"/api/v1/complaints/{_complaintOfTechSupport}/timeline"),
            await new ComplaintApi(_afterSalesAgent).ActAsync(_complaintOfTechSupport, "assign",
                new { departmentId = await ApiClient.DepartmentIdAsync("AS"), reason = "Taking it over" }, etag),
            await new ComplaintApi(_afterSalesAgent).ActAsync(_complaintOfTechSupport, "contacts",
                new { channel = "phone", direction = "outbound", summary = "Called" }, etag),
        };

        foreach (var attempt in attempts)
        {
            await attempt.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await (await _partnerB.GetAsync($"/api/v1/complaints/{_complaintOfB}")).Content.ReadAsStringAsync(), Is.EqualTo(complaintBefore));
            Assert.That(await (await _owner.GetAsync($"/api/v1/complaints/{_complaintOfTechSupport}")).Content.ReadAsStringAsync(), Is.EqualTo(routedBefore));
            var webhook = await (await _partnerB.GetAsync($"/api/v1/webhooks/{_webhookOfB}")).ReadJsonAsync();
            Assert.That(webhook.GetProperty("url").GetString(), Is.EqualTo("https://hooks.partner-b.example/care"));
        });
    }

    [Test]
    public async Task CareTasks_OfAComplaintOneMayNotSee_AreNeitherReadNorListedNorChanged_AndNamingItIsNoOracle()
    {
        var before = await (await _owner.GetAsync($"/api/v1/care-tasks/{_careTaskOfTechSupport}")).Content.ReadAsStringAsync();
        var etag = (await _owner.GetAsync($"/api/v1/care-tasks/{_careTaskOfTechSupport}")).Headers.ETag!;
        var (agentId, _) = await ApiClient.CreateStaffAsync("afterSales", await ApiClient.DepartmentIdAsync("AS"));

        await (await _afterSalesAgent.GetAsync($"/api/v1/care-tasks/{_careTaskOfTechSupport}")).AssertProblemAsync(HttpStatusCode.NotFound);
        foreach (var (action, body) in new (string, object)[]
        {
            ("reschedule", new { ownerId = agentId, dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1) }),
            ("complete", new { result = "satisfied", outcome = "done" }),
            ("cancel", new { reason = "not needed" }),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/care-tasks/{_careTaskOfTechSupport}/{action}") { Content = JsonContent.Create(body) };
            request.Headers.IfMatch.Add(etag);
            await (await _afterSalesAgent.SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var listed = await (await _afterSalesAgent.GetAsync($"/api/v1/care-tasks?complaintId={_complaintOfTechSupport}")).ReadJsonAsync();
        var allListed = await (await _afterSalesAgent.GetAsync("/api/v1/care-tasks?pageSize=100")).Content.ReadAsStringAsync();

        // Naming the hidden complaint with its real customer answers exactly as naming a complaint that does not exist.
        async Task<string> CreateAsync(Guid complaintId)
        {
            var response = await _afterSalesAgent.PostAsJsonAsync("/api/v1/care-tasks", new
            {
                kind = "followUpCall", customerId = _customerOfTechSupport, complaintId, dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), subject = "x",
            });
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            return problem.GetProperty("errors").GetRawText();
        }

        var hidden = await CreateAsync(_complaintOfTechSupport);
        var missing = await CreateAsync(Guid.NewGuid());

        Assert.Multiple(async () =>
        {
            Assert.That(listed.GetProperty("totalCount").GetInt32(), Is.Zero, "not listed by its complaint");
            Assert.That(allListed, Does.Not.Contain(_careTaskOfTechSupport.ToString()), "not listed at all");
            Assert.That(hidden, Is.EqualTo(missing), "no oracle");
            Assert.That(await (await _owner.GetAsync($"/api/v1/care-tasks/{_careTaskOfTechSupport}")).Content.ReadAsStringAsync(), Is.EqualTo(before), "unchanged");
            Assert.That((await (await _owner.GetAsync($"/api/v1/care-tasks?complaintId={_complaintOfTechSupport}")).ReadJsonAsync())
                .GetProperty("totalCount").GetInt32(), Is.EqualTo(1), "its owner still lists it");
        });
    }

    [Test]
    public async Task ACreateBody_CannotSetWhatTheWorkflowDecides()
    {
        var (_, someoneEmail) = await ApiClient.CreateStaffAsync("supervisor");
        var body = new
        {
            channel = "phone",
            customer = new { name = "Li Na", phone = "137 0013 7001" },
            title = "Mass assignment",
            description = "Trying to set what only the workflow sets.",
            externalReference = "MA-1",
            id = Guid.Parse("11111111-1111-1111-1111-111111111111"),
            number = "C-000001",
            status = "closed",
            escalationLevel = 3,
            firstResponderId = Guid.NewGuid(),
            assigneeId = Guid.NewGuid(),
            partnerId = Guid.NewGuid(),
            resolvedAt = DateTimeOffset.UtcNow,
            reopenCount = 7,
            timelineLength = 0,
            slaMissed = 31,
            someoneEmail,
        };

        var response = await _partnerA.PostAsJsonAsync("/api/v1/complaints", body);

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("id").GetGuid(), Is.Not.EqualTo(body.id));
            Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("received"));
            Assert.That(created.GetProperty("escalationLevel").GetInt32(), Is.Zero);
            Assert.That(created.GetProperty("firstResponderId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(created.GetProperty("assigneeId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(created.GetProperty("partnerId").GetGuid(), Is.Not.EqualTo(body.partnerId), "the partner is the caller");
            Assert.That(created.GetProperty("number").GetString(), Is.Not.EqualTo(body.number));
        });

        var webhook = await _partnerA.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://hooks.partner-a.example/care", eventTypes = new[] { "complaint.received" }, partnerId = Guid.NewGuid() });
        var refused = await webhook.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(async () =>
        {
            Assert.That(refused.GetProperty("errors").TryGetProperty("partnerId", out _), Is.True, "a partner subscribes for itself only");
            Assert.That((await (await _partnerA.GetAsync("/api/v1/webhooks")).ReadJsonAsync()).GetProperty("items").GetArrayLength(), Is.Zero);
        });
    }
}
