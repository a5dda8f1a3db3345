using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Webhooks;

public sealed class WebhookDeliveryTests : AdminIntegrationTest
{
    /// <summary>What a partner's subscription may ask for: events of public timeline entries.</summary>
    private static readonly string[] PublicTypes =
    [
        "complaint.received", "complaint.statusChanged", "complaint.reopened", "complaint.closed", "complaint.reComplained", "complaint.updated",
    ];

    [Test]
    public async Task Deliveries_WhenTheReceiverFailsAtFirst_ArriveSignedInOrderPerComplaintWithoutLoss()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop A");
        using var partner = ApiClient.WithApiKey(key);
        var (webhookId, secret) = await SubscribeAsync(partner, receiver.Url, PublicTypes);

        // Two complaints from the partner, moved on by staff: several events each.
        var complaints = new ComplaintApi(partner);
        var first = (await complaints.ReceiveAsync(ComplaintApi.NewComplaint("Kettle leaks", externalReference: "A-1"))).GetProperty("id").GetGuid();
        var second = (await complaints.ReceiveAsync(ComplaintApi.NewComplaint("Toaster burns", "139 0013 9000", externalReference: "A-2"))).GetProperty("id").GetGuid();
        var staff = new ComplaintApi(Admin);
        foreach (var id in new[] { first, second })
        {
            await staff.DoAsync(id, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
            await staff.DoAsync(id, "notes", new { text = "Called the customer back." });
        }

        await staff.DoAsync(first, "investigation", ComplaintApi.Investigation);

        await Dispatch.UntilSettledAsync();

        var received = receiver.Accepted.ToList();
        // received, statusChanged (register, investigation) per complaint: the events of public entries; the note and the
        // routing on register are internal and reach no partner.
        var expected = await Dispatch.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE partner_id = '{partnerId}' AND public_payload IS NOT NULL");
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Requests, Is.GreaterThan(received.Count), "the first attempts failed");
            Assert.That(received.Select(r => r.Json.GetProperty("id").GetGuid()).Distinct().Count(), Is.EqualTo(expected), "every event arrived");
            Assert.That(received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(received.Count), "no event twice (nothing acknowledged was re-sent)");
            Assert.That(received.All(r => Verify(secret, r)), Is.True, "every signature checks out");
            Assert.That(received.All(r => r.EventType == r.Json.GetProperty("type").GetString()), Is.True);
        });

        foreach (var id in new[] { first, second })
        {
            var sequences = received.Where(r => r.Json.GetProperty("data").GetProperty("complaintId").GetGuid() == id)
                .Select(r => r.Json.GetProperty("data").GetProperty("timelineSequence").GetInt32()).ToList();
            Assert.That(sequences, Is.Ordered, $"events of complaint {id} in order");
            Assert.That(sequences, Is.Not.Empty);
        }

        // Nothing personal leaves: the customer's name and phone are not in any body.
        Assert.That(received.Any(r => r.Body.Contains("Zhang", StringComparison.Ordinal) || r.Body.Contains("13800138000", StringComparison.Ordinal)), Is.False);

        var deliveries = await (await partner.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries?pageSize=200")).ReadJsonAsync();
        var items = deliveries.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.All(d => d.GetProperty("status").GetString() == "succeeded"), Is.True);
            Assert.That(items.Sum(d => d.GetProperty("attemptLog").GetArrayLength()), Is.EqualTo(receiver.Requests), "every attempt is logged");
            Assert.That(items.SelectMany(d => d.GetProperty("attemptLog").EnumerateArray())
                .Count(a => a.GetProperty("statusCode").ValueKind == JsonValueKind.Number && a.GetProperty("statusCode").GetInt32() == 500), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Deliveries_WhenTheReceiverStaysDown_GoDeadAndCanBeResent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop B");
        using var partner = ApiClient.WithApiKey(key);
        var (webhookId, secret) = await SubscribeAsync(partner, receiver.Url, ["complaint.received"]);
        await new ComplaintApi(partner).ReceiveAsync(ComplaintApi.NewComplaint(externalReference: "B-1"));

        await Dispatch.UntilSettledAsync();

        var dead = (await (await partner.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries?status=dead")).ReadJsonAsync()).GetProperty("items");
        Assert.Multiple(() =>
        {
            Assert.That(dead.GetArrayLength(), Is.EqualTo(1));
            Assert.That(dead[0].GetProperty("attempts").GetInt32(), Is.EqualTo(4), "the configured budget (CustomerCare:Webhooks:MaxAttempts)");
            Assert.That(dead[0].GetProperty("lastStatusCode").GetInt32(), Is.EqualTo(503));
            Assert.That(receiver.Accepted, Is.Empty);
        });

        var deliveryId = dead[0].GetProperty("id").GetGuid();
        // Only dead deliveries are re-sent; a second resend while pending is refused.
        receiver.Down = false;
        var resend = await partner.PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/resend", null);
        await resend.AssertStatusAsync(HttpStatusCode.Accepted);
        await HttpAssertions.AssertProblemAsync(
            await partner.PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/resend", null), HttpStatusCode.Conflict);

        await Dispatch.UntilSettledAsync();

        var delivered = receiver.Accepted.Single();
        var after = (await (await partner.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Multiple(() =>
        {
            Assert.That(delivered.Id, Is.EqualTo(deliveryId.ToString()));
            Assert.That(Verify(secret, delivered), Is.True);
            Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
            Assert.That(after.GetProperty("attemptLog").GetArrayLength(), Is.EqualTo(5), "four failed attempts, then the one that worked");
        });
    }

    [Test]
    public async Task Subscriptions_OfAPartner_HearOnlyOfItsOwnComplaints_TheOperatorsOfAll()
    {
        await using var receiverA = await WebhookReceiver.StartAsync();
        await using var receiverB = await WebhookReceiver.StartAsync();
        await using var operatorReceiver = await WebhookReceiver.StartAsync();
        var (_, _, keyA) = await ApiClient.CreatePartnerKeyAsync("Shop A");
        var (_, _, keyB) = await ApiClient.CreatePartnerKeyAsync("Shop B");
        using var partnerA = ApiClient.WithApiKey(keyA);
        using var partnerB = ApiClient.WithApiKey(keyB);
        var (webhookA, _) = await SubscribeAsync(partnerA, receiverA.Url, ["complaint.received"]);
        await SubscribeAsync(partnerB, receiverB.Url, ["complaint.received"]);
        await SubscribeAsync(Admin, operatorReceiver.Url, ["complaint.received"]);

        var fromA = (await new ComplaintApi(partnerA).ReceiveAsync(ComplaintApi.NewComplaint(externalReference: "A-1"))).GetProperty("id").GetGuid();
        var fromStaff = (await new ComplaintApi(Admin).ReceiveAsync()).GetProperty("id").GetGuid();

        await Dispatch.UntilSettledAsync();

        Assert.Multiple(() =>
        {
            Assert.That(receiverA.Accepted.Select(ComplaintOf), Is.EqualTo(new[] { fromA }));
            Assert.That(receiverB.Accepted, Is.Empty);
            Assert.That(operatorReceiver.Accepted.Select(ComplaintOf), Is.EquivalentTo(new[] { fromA, fromStaff }));
        });

        // B cannot see, change or read the deliveries of A's subscription.
        await HttpAssertions.AssertProblemAsync(await partnerB.GetAsync($"/api/v1/webhooks/{webhookA}"), HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(await partnerB.GetAsync($"/api/v1/webhooks/{webhookA}/deliveries"), HttpStatusCode.NotFound);
        await HttpAssertions.AssertProblemAsync(await partnerB.DeleteAsync($"/api/v1/webhooks/{webhookA}"), HttpStatusCode.NotFound);
        var listB = await (await partnerB.GetAsync("/api/v1/webhooks")).ReadJsonAsync();
        Assert.That(listB.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatchers_RunningAtOnceOnSeveralReplicas_SendEachDeliveryOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop C");
        using var partner = ApiClient.WithApiKey(key);
        await SubscribeAsync(partner, receiver.Url, PublicTypes);
        var api = new ComplaintApi(partner);
        for (var i = 0; i < 12; i++)
        {
            await api.ReceiveAsync(ComplaintApi.NewComplaint($"Complaint {i}", $"138 0013 80{i:D2}", externalReference: $"C-{i}"));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Accepted.Count < 12 && DateTime.UtcNow < deadline)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Dispatch.OnceAsync()));
        }

        Assert.Multiple(() =>
        {
            Assert.That(receiver.Accepted.Select(r => r.Id).Distinct().Count(), Is.EqualTo(12));
            Assert.That(receiver.Requests, Is.EqualTo(12), "no delivery was sent by two dispatchers");
        });
    }

    [Test]
    public async Task Subscriptions_AreValidated_AndTheirSecretIsEncryptedAtRest()
    {
        var bad = await Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "ftp://example.com/x", eventTypes = new[] { "complaint.nope" } });
        var problem = await HttpAssertions.AssertProblemAsync(bad, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.That(fields, Has.Member("url").And.Some.StartsWith("eventTypes"));

        var (id, secret) = await SubscribeAsync(Admin, new Uri("https://hooks.example.com/customercare"), ["complaint.closed"]);
        Assert.That(secret, Does.StartWith("whsec_"));
        var stored = await Dispatch.ScalarAsync($"SELECT count(*) FROM webhook_subscriptions WHERE id = '{id}' AND secret LIKE '%{secret[6..16]}%'");
        Assert.That(stored, Is.Zero, "the secret is not stored in plain text");

        var rotated = await (await Admin.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).ReadJsonAsync();
        Assert.That(rotated.GetProperty("secret").GetString(), Is.Not.EqualTo(secret));
        var fetched = await (await Admin.GetAsync($"/api/v1/webhooks/{id}")).ReadJsonAsync();
        Assert.That(fetched.TryGetProperty("secret", out _), Is.False, "the secret is shown only when created or rotated");
    }

    internal static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient client, Uri url, string[] types)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = url.ToString(), eventTypes = types, description = "tests" });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("webhook").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    /// <summary>Checks a signature the way a receiver would, from the Standard Webhooks description alone.</summary>
    internal static bool Verify(string secret, ReceivedWebhook webhook)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}")));
        var age = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(webhook.Timestamp, System.Globalization.CultureInfo.InvariantCulture);
        return webhook.Signature == $"v1,{expected}" && age is >= 0 and < 300;
    }

    private static Guid ComplaintOf(ReceivedWebhook webhook) => webhook.Json.GetProperty("data").GetProperty("complaintId").GetGuid();
}
