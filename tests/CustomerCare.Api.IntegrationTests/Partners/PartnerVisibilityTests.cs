using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;

namespace CustomerCare.Api.IntegrationTests.Partners;

/// <summary>
/// What staff write for each other stays with staff: a partner's timeline, change feed, complaint and webhooks show public
/// entries and fields only — no notes, contact summaries, investigation findings, staff ids or customer ids.
/// </summary>
public sealed class PartnerVisibilityTests : AdminIntegrationTest
{
    private const string Note = "内部备注：客户脾气不好，电话 13911112222";
    private const string ContactSummary = "Called back on 13933334444, promised a courier";
    private const string Findings = "Seal from supplier batch 42 (internal QA ticket QA-7781)";

    private static readonly string[] InternalKinds = ["assigned", "transferred", "contactLogged", "noteAdded", "slaAtRisk", "slaBreached", "reclassified", "slaPaused", "slaResumed"];

    [Test]
    public async Task APartner_ReadsOnlyPublicEntriesAndFields_StaffReadEverything()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop V");
        using var partner = ApiClient.WithApiKey(key);
        await WebhookDeliveryTests.SubscribeAsync(partner, receiver.Url, ["complaint.received", "complaint.statusChanged", "complaint.updated"]);
        var id = (await new ComplaintApi(partner).ReceiveAsync(ComplaintApi.NewComplaint("水壶漏水", externalReference: "V-1"))).GetProperty("id").GetGuid();

        var staff = new ComplaintApi(Admin);
        await staff.DoAsync(id, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        await staff.DoAsync(id, "notes", new { text = Note });
        await staff.DoAsync(id, "contacts", new { channel = "phone", direction = "outbound", summary = ContactSummary });
        await staff.DoAsync(id, "investigation", new { findings = Findings, cause = "terminal", rootCause = "Supplier batch 42", isGenuine = true });
        await staff.DoAsync(id, "solution", new { summary = "更换新水壶", communicatedVia = "phone", steps = new[] { new { description = "寄出新水壶", ownerId = (Guid?)null } } });
        await Dispatch.UntilSettledAsync();

        var partnerTimeline = await (await partner.GetAsync($"/api/v1/complaints/{id}/timeline")).Content.ReadAsStringAsync();
        var partnerFeed = await (await partner.GetAsync("/api/v1/events?limit=1000")).Content.ReadAsStringAsync();
        var partnerComplaint = await (await partner.GetAsync($"/api/v1/complaints/{id}")).ReadJsonAsync();
        var partnerList = await (await partner.GetAsync("/api/v1/complaints")).ReadJsonAsync();
        var staffTimeline = await (await Admin.GetAsync($"/api/v1/complaints/{id}/timeline")).ReadJsonAsync();
        var webhooks = string.Join("\n", receiver.Accepted.Select(r => r.Body));

        var kinds = JsonDocument.Parse(partnerTimeline).RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        var entries = JsonDocument.Parse(partnerTimeline).RootElement.EnumerateArray().ToList();
        var feed = JsonDocument.Parse(partnerFeed).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(kinds, Is.EqualTo(new[] { "received", "registered", "investigated", "solutionProposed" }), "public entries only");
            Assert.That(entries.All(e => e.GetProperty("visibility").GetString() == "public"), Is.True);
            Assert.That(entries.Where(e => e.GetProperty("actorKind").GetString() == "staff").Select(e => e.GetProperty("actorId").ValueKind),
                Is.All.EqualTo(JsonValueKind.Null), "no staff id");
            Assert.That(entries.Single(e => e.GetProperty("kind").GetString() == "solutionProposed").GetProperty("text").GetString(), Is.EqualTo("更换新水壶"),
                "the solution as communicated is public");
            Assert.That(entries.Single(e => e.GetProperty("kind").GetString() == "investigated").GetProperty("text").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(feed.Select(e => e.GetProperty("kind").GetString()), Is.EqualTo(kinds), "the change feed follows the same rule");
            Assert.That(feed.Where(e => e.GetProperty("actorKind").GetString() == "staff").Select(e => e.GetProperty("actorId").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
            foreach (var secret in new[] { Note, ContactSummary, Findings, "13911112222", "13933334444", "QA-7781" })
            {
                Assert.That(partnerTimeline, Does.Not.Contain(secret), "timeline");
                Assert.That(partnerFeed, Does.Not.Contain(secret), "change feed");
                Assert.That(partnerComplaint.GetRawText(), Does.Not.Contain(secret), "complaint");
                Assert.That(webhooks, Does.Not.Contain(secret), "webhooks");
            }

            foreach (var field in new[] { "customerId", "firstResponderId", "assigneeId", "responsibleDepartmentId", "investigation" })
            {
                Assert.That(partnerComplaint.GetProperty(field).ValueKind, Is.EqualTo(JsonValueKind.Null), $"complaint.{field}");
                Assert.That(partnerList.GetProperty("items")[0].TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null, Is.False, $"list item {field}");
            }

            Assert.That(receiver.Accepted.Select(r => r.Json.GetProperty("data").GetProperty("kind").GetString()).Distinct(),
                Is.EquivalentTo(new[] { "received", "registered", "investigated", "solutionProposed" }), "webhooks of public entries only");
            Assert.That(receiver.Accepted.Select(r => r.Json.GetProperty("data").GetProperty("assigneeId").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
            Assert.That(receiver.Accepted.Select(r => r.Json.GetProperty("data").GetProperty("responsibleDepartmentId").ValueKind), Is.All.EqualTo(JsonValueKind.Null));

            var staffKinds = staffTimeline.EnumerateArray().Select(e => (Kind: e.GetProperty("kind").GetString(), Visibility: e.GetProperty("visibility").GetString())).ToList();
            Assert.That(staffKinds.Select(k => k.Kind), Does.Contain("noteAdded").And.Contain("contactLogged"), "staff read every entry");
            Assert.That(staffKinds.Where(k => InternalKinds.Contains(k.Kind)).Select(k => k.Visibility), Is.All.EqualTo("internal"));
            Assert.That(staffTimeline.GetRawText(), Does.Contain("13911112222"), "staff read the note");
        });
    }

    [Test]
    public async Task APartner_ReadsNeitherWhyAConnectionFailed_NorWhatItsReceiverAnswered()
    {
        await using var failing = await WebhookReceiver.StartAsync(failFirst: 1000);
        failing.FailureBody = "stack trace of the receiver: db=10.0.0.5";
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop Y");
        using var partner = ApiClient.WithApiKey(key);
        var (answering, _) = await WebhookDeliveryTests.SubscribeAsync(partner, failing.Url, ["complaint.received"]);
        var (refusing, _) = await WebhookDeliveryTests.SubscribeAsync(partner, new Uri($"http://127.0.0.1:{closedPort}/hooks"), ["complaint.received"]);
        await new ComplaintApi(partner).ReceiveAsync(ComplaintApi.NewComplaint(externalReference: "Y-1"));
        await Dispatch.UntilSettledAsync();

        async Task<JsonElement> DeliveryAsync(HttpClient client, Guid webhook) =>
            (await (await client.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).ReadJsonAsync()).GetProperty("items")[0];

        var refusedForPartner = await DeliveryAsync(partner, refusing);
        var answeredForPartner = await DeliveryAsync(partner, answering);
        var refusedForOperator = await DeliveryAsync(Admin, refusing);
        var answeredForOperator = await DeliveryAsync(Admin, answering);
        Assert.Multiple(() =>
        {
            Assert.That(refusedForPartner.GetProperty("lastError").GetString(), Is.EqualTo("No answer from the receiver: it could not be reached, or did not answer in time."));
            Assert.That(refusedForPartner.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("error").GetString()).Distinct(),
                Is.EqualTo(new[] { "No answer from the receiver: it could not be reached, or did not answer in time." }), "one text for every way of failing");
            Assert.That(answeredForPartner.GetProperty("lastError").GetString(), Is.EqualTo("The receiver answered 500."));
            Assert.That(answeredForPartner.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("responseBody").ValueKind),
                Is.All.EqualTo(JsonValueKind.Null), "no receiver's body echoed to the partner");
            Assert.That(answeredForOperator.GetProperty("attemptLog")[0].GetProperty("responseBody").GetString(), Does.Contain("10.0.0.5"), "the operator reads it");
            Assert.That(refusedForOperator.GetProperty("lastError").GetString(), Is.Not.EqualTo(refusedForPartner.GetProperty("lastError").GetString()),
                "the operator reads the cause");
        });
    }

    [Test]
    public async Task APartnerSubscription_MayAskOnlyForEventsOfPublicEntries()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop W");
        using var partner = ApiClient.WithApiKey(key);

        var refused = await partner.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.shop-w.example/care", eventTypes = new[] { "complaint.received", "complaint.assigned" } });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        var operatorsOwn = await Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.operator.example/care", eventTypes = new[] { "complaint.assigned", "complaint.slaBreached" } });

        Assert.That(problem.GetProperty("errors").GetProperty("eventTypes")[0].GetString(), Does.Contain("complaint.assigned"));
        await operatorsOwn.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task APartner_NeitherSendsNorSeesCustomerIds_AndCannotTellAKnownPhoneFromANewOne()
    {
        // A customer staff know, with a phone number.
        var known = await new ComplaintApi(Admin).ReceiveAsync(ComplaintApi.NewComplaint("Known", "139 0000 1111"));
        var customerId = known.GetProperty("customerId").GetGuid();
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop X");
        using var partner = ApiClient.WithApiKey(key);

        var named = await partner.PostAsJsonAsync("/api/v1/complaints", new { channel = "webForm", customerId, title = "By id", description = "Naming a record." });
        var unknownNamed = await partner.PostAsJsonAsync("/api/v1/complaints", new { channel = "webForm", customerId = Guid.NewGuid(), title = "By id", description = "Naming a record." });
        var matched = await new ComplaintApi(partner).ReceiveAsync(ComplaintApi.NewComplaint("Matched", "139 0000 1111", externalReference: "X-1"));
        var fresh = await new ComplaintApi(partner).ReceiveAsync(ComplaintApi.NewComplaint("Fresh", "139 0000 2222", externalReference: "X-2"));

        var knownProblem = await named.AssertProblemAsync(HttpStatusCode.BadRequest);
        var unknownProblem = await unknownNamed.AssertProblemAsync(HttpStatusCode.BadRequest);
        var matchedByStaff = await (await Admin.GetAsync($"/api/v1/complaints/{matched.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(knownProblem.GetProperty("errors").GetRawText(), Is.EqualTo(unknownProblem.GetProperty("errors").GetRawText()), "no oracle on ids");
            Assert.That(knownProblem.GetProperty("errors").TryGetProperty("customerId", out _), Is.True);
            Assert.That(matched.GetProperty("customerId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(fresh.GetProperty("customerId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(matched.EnumerateObject().Select(p => p.Name), Is.EqualTo(fresh.EnumerateObject().Select(p => p.Name)), "the same shape either way");
            Assert.That(matchedByStaff.GetProperty("customerId").GetGuid(), Is.EqualTo(customerId), "still matched to the existing record, invisibly");
        });
    }
}
