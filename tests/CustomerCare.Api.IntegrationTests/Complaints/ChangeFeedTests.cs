using System.Net;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Complaints;

public sealed class ChangeFeedTests : AdminIntegrationTest
{
    [Test]
    public async Task Feed_PagedWithItsCursor_ReturnsEveryEventOnceInOrder()
    {
        var staff = new ComplaintApi(Admin);
        var first = (await staff.ReceiveAsync()).GetProperty("id").GetGuid();
        await staff.DoAsync(first, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        var second = (await staff.ReceiveAsync(ComplaintApi.NewComplaint("Toaster burns", "139 0013 9000"))).GetProperty("id").GetGuid();
        await staff.DoAsync(first, "notes", new { text = "Called back." });

        var events = await ReadAllAsync(Admin, limit: 2);

        var expected = await Dispatch.ScalarAsync("SELECT count(*) FROM complaint_timeline");
        Assert.Multiple(() =>
        {
            Assert.That(events, Has.Count.EqualTo(expected));
            Assert.That(events.Select(e => e.GetProperty("id").GetGuid()).Distinct().Count(), Is.EqualTo(events.Count));
            Assert.That(events.Where(e => e.GetProperty("complaintId").GetGuid() == first).Select(e => e.GetProperty("sequence").GetInt32()), Is.Ordered);
            Assert.That(events.Select(e => e.GetProperty("complaintId").GetGuid()).Distinct(), Is.EquivalentTo(new[] { first, second }));
            Assert.That(events[^1].GetProperty("kind").GetString(), Is.EqualTo("noteAdded"), "commit order: the note came last");
        });
    }

    [Test]
    public async Task Feed_WhenAnEarlierTransactionCommitsLate_HoldsBackUntilItEnds_SoNothingIsSkipped()
    {
        var staff = new ComplaintApi(Admin);
        var id = (await staff.ReceiveAsync()).GetProperty("id").GetGuid();
        var start = await (await Admin.GetAsync("/api/v1/events")).ReadJsonAsync();
        var cursor = start.GetProperty("next").GetString();

        // A writer takes its transaction id first and commits last.
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO complaint_timeline (id, complaint_id, sequence, at, actor_kind, kind, text)
            VALUES (gen_random_uuid(), @complaint, 1000, now(), 'system', 'NoteAdded', 'written by a slow transaction')
            """, connection, slow))
        {
            insert.Parameters.AddWithValue("complaint", id);
            await insert.ExecuteNonQueryAsync();
        }

        // A later transaction commits first.
        await staff.DoAsync(id, "notes", new { text = "Quick note." });

        var whileOpen = await (await Admin.GetAsync($"/api/v1/events?after={cursor}")).ReadJsonAsync();
        Assert.That(whileOpen.GetProperty("items").GetArrayLength(), Is.Zero, "the quick note waits for the slow transaction");
        Assert.That(whileOpen.GetProperty("next").GetString(), Is.EqualTo(cursor), "an empty page keeps the cursor");

        await slow.CommitAsync();

        var after = await (await Admin.GetAsync($"/api/v1/events?after={cursor}")).ReadJsonAsync();
        var texts = after.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.That(texts, Is.EqualTo(new[] { "written by a slow transaction", "Quick note." }));
    }

    [Test]
    public async Task Feed_ForAPartner_HoldsOnlyItsOwnComplaints_AndBadCursorsGet400()
    {
        var (_, _, keyA) = await ApiClient.CreatePartnerKeyAsync("Shop A");
        var (_, _, keyB) = await ApiClient.CreatePartnerKeyAsync("Shop B");
        using var partnerA = ApiClient.WithApiKey(keyA);
        using var partnerB = ApiClient.WithApiKey(keyB);
        var fromA = (await new ComplaintApi(partnerA).ReceiveAsync(ComplaintApi.NewComplaint(externalReference: "A-1"))).GetProperty("id").GetGuid();
        await new ComplaintApi(partnerB).ReceiveAsync(ComplaintApi.NewComplaint("Toaster burns", "139 0013 9000", externalReference: "B-1"));
        await new ComplaintApi(Admin).ReceiveAsync(ComplaintApi.NewComplaint("Staff one", "137 0013 7000"));

        var events = await ReadAllAsync(partnerA, limit: 100);

        Assert.That(events.Select(e => e.GetProperty("complaintId").GetGuid()).Distinct(), Is.EqualTo(new[] { fromA }));
        var problem = await HttpAssertions.AssertProblemAsync(await partnerA.GetAsync("/api/v1/events?after=not-a-cursor!"), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("after", out _), Is.True);
        await HttpAssertions.AssertProblemAsync(await partnerA.GetAsync("/api/v1/events?limit=0"), HttpStatusCode.BadRequest);
    }

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, int limit)
    {
        var events = new List<JsonElement>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var body = await (await client.GetAsync($"/api/v1/events?limit={limit}{(cursor is null ? string.Empty : "&after=" + cursor)}")).ReadJsonAsync();
            events.AddRange(body.GetProperty("items").EnumerateArray());
            cursor = body.GetProperty("next").GetString();
            if (!body.GetProperty("hasMore").GetBoolean())
            {
                return events;
            }
        }

        Assert.Fail("The feed never ended.");
        return events;
    }
}
