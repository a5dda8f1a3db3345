using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// An import's batch writes its new rows with COPY (NewRowsCopy), not an INSERT each: the same rows as a complaint
/// posted through the API, and a row the database refuses fails the batch as an INSERT would, so that row alone is
/// reported and the others imported.
/// </summary>
[NonParallelizable]
public sealed class ImportCopyTests : IntegrationTest
{
    /// <summary>The tables a complaint received from a partner writes, each read as JSON rows in a stable order.</summary>
    private static readonly (string Table, string Rows)[] Tables =
    [
        ("complaints", "SELECT to_jsonb(t) FROM complaints t WHERE id = @id"),
        ("complaint_timeline", "SELECT to_jsonb(t) FROM complaint_timeline t WHERE complaint_id = @id ORDER BY sequence"),
        ("complaint_sla_clocks", "SELECT to_jsonb(t) FROM complaint_sla_clocks t WHERE complaint_id = @id ORDER BY milestone"),
        ("notifications", "SELECT to_jsonb(t) FROM notifications t WHERE complaint_id = @id ORDER BY event, channel, audience"),
        ("outbox_messages", "SELECT to_jsonb(t) FROM outbox_messages t WHERE complaint_id = @id ORDER BY event_type"),
        ("customers", "SELECT to_jsonb(t) FROM customers t WHERE id = (SELECT customer_id FROM complaints WHERE id = @id)"),
        ("customer_contact_points", "SELECT to_jsonb(t) FROM customer_contact_points t WHERE customer_id = (SELECT customer_id FROM complaints WHERE id = @id) ORDER BY kind"),
        ("customer_access_log", "SELECT to_jsonb(t) FROM customer_access_log t WHERE customer_id = (SELECT customer_id FROM complaints WHERE id = @id) ORDER BY action"),
        // Written by PostgreSQL's trigger on complaints, which a COPY fires as an INSERT does.
        ("complaint_search_postings", "SELECT to_jsonb(t) FROM complaint_search_postings t WHERE complaint_id = @id ORDER BY gram"),
    ];

    /// <summary>
    /// Columns that differ between two complaints by nature: ids, times, numbers, references, ciphertexts (a fresh nonce
    /// each, and the phone's lookup key), event payloads (they carry the complaint's id and number) and the trace a change ran in (a request's; the import runner's turn has none). Only whether they are null is compared.
    /// </summary>
    private static bool DiffersByNature(string table, string column) =>
        column is "id" or "at" || column.EndsWith("_id", StringComparison.Ordinal) || column.EndsWith("_at", StringComparison.Ordinal)
        || column.EndsWith("_from", StringComparison.Ordinal) // a clock's at-risk time: the same for both only outside working hours
        || column is "number" or "external_reference" or "position" or "sequence_number" || column is "trace_parent" || (table, column) is ("notifications", "source") or ("outbox_messages", "payload") or ("outbox_messages", "public_payload")
            or ("complaints", "search_grams") // the grams of the number too
        || (table, column) is ("customers", "name") or ("customers", "birthday") or ("customer_contact_points", "value") or ("customer_contact_points", "lookup_key")
            or ("notifications", "address") or ("notifications", "subject") or ("notifications", "text") or ("notifications", "html");

    private static object Row(string reference, string phone) => new
    {
        externalReference = reference,
        channel = "phone",
        severity = "major",
        title = "宽带断网 订单 20261204",
        description = "整栋楼无法上网，已经两天了",
        customer = new { name = "王小明", phone },
    };

    [Test]
    public async Task AnImportedComplaint_IsWrittenWithCopy_AsTheSameRowsAsOnePostedThroughTheApi()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);

        Guid posted;
        using (var inserts = SqlCommandsSeen.WithText("INSERT INTO complaints "))
        {
            using var response = await partner.PostAsJsonAsync("/api/v1/complaints", Row("COPY-1", "138 0000 0001"));
            await response.AssertStatusAsync(HttpStatusCode.Created);
            posted = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
            Assert.That(inserts.Commands, Is.Not.Empty, "a single complaint is inserted by EF Core (and the observer sees it)");
        }

        Guid imported;
        using (var inserts = SqlCommandsSeen.WithText("INSERT INTO "))
        {
            var (job, rows) = await ImportTests.ImportAsync(partner, JsonSerializer.Serialize(Row("COPY-2", "138 0000 0002")), "application/x-ndjson");
            Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(1));
            imported = rows.Single().GetProperty("complaintId").GetGuid();
            var copied = Tables.Select(t => t.Table).Append("complaint_import_rows").ToList();
            Assert.That(inserts.Commands.Where(c => copied.Any(t => c.Contains($"INSERT INTO {t} ", StringComparison.Ordinal))), Is.Empty,
                "the batch's complaints, clocks, timeline, notifications, outbox messages, customers and report lines are copied");
        }

        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var (table, sql) in Tables)
        {
            var expected = await RowsAsync(connection, sql, posted);
            var actual = await RowsAsync(connection, sql, imported);
            Assert.That(actual, Has.Count.EqualTo(expected.Count).And.Count.GreaterThan(0), table);
            for (var i = 0; i < expected.Count; i++)
            {
                foreach (var (column, value) in expected[i])
                {
                    var copied = actual[i][column];
                    if (DiffersByNature(table, column))
                    {
                        Assert.That(copied is null, Is.EqualTo(value is null) | Is.EqualTo(column == "trace_parent"), $"{table}.{column}: null in one and not the other");
                    }
                    else
                    {
                        Assert.That(copied?.ToJsonString(), Is.EqualTo(value?.ToJsonString()), $"{table}.{column}");
                    }
                }
            }
        }

        // And read back through the API, as any complaint.
        using var read = await partner.GetAsync($"/api/v1/complaints/{imported}");
        await read.AssertStatusAsync(HttpStatusCode.OK);
        var complaint = await read.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(complaint.GetProperty("title").GetString(), Is.EqualTo("宽带断网 订单 20261204"));
            Assert.That(complaint.GetProperty("severity").GetString(), Is.EqualTo("major"));
            Assert.That(complaint.GetProperty("status").GetString(), Is.EqualTo("received"));
        });
    }

    [Test]
    public async Task ABatchSave_NeverWalksEveryTrackedEntityForChanges()
    {
        // A batch of 500 rows tracks ~5,000 entities, and a full DetectChanges compares every value of every one. COPY
        // detects entry by entry, and leaves out new rows without navigations (their values are written as they are).
        // The domain events' rounds list the tracked aggregates without a walk, the interceptors that look at one entity
        // type detect that type's entries alone, and the save's own detection would only repeat COPY's. That the rows
        // are still all found is what AnImportedComplaint_IsWrittenWithCopy_AsTheSameRowsAsOnePostedThroughTheApi and the
        // import's progress show.
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);
        using var walks = ChangeDetectionWalksSeen.InBulkSaves();
        var file = string.Join('\n', Enumerable.Range(1, 3).Select(i => JsonSerializer.Serialize(Row($"WALKS-{i}", $"138 0000 020{i}"))));
        var (job, rows) = await ImportTests.ImportAsync(partner, file, "application/x-ndjson");
        Assert.Multiple(() =>
        {
            Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(3));
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.All.EqualTo("created"));
            Assert.That(walks.Walks, Is.EqualTo(0), "full DetectChanges in the one batch's save");
        });
    }

    [Test]
    public async Task ARowTheDatabaseRefusesInABatch_IsReportedAlone_AndTheOtherRowsAreImported()
    {
        // What a concurrent request taking a row's reference looks like to COPY: the database refuses that one row.
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var refuse = new NpgsqlCommand(
            """
            CREATE FUNCTION test_refuse_copy() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.external_reference = 'REFUSED-2' THEN RAISE unique_violation USING MESSAGE = 'taken meanwhile'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_refuse_copy BEFORE INSERT ON complaints FOR EACH ROW EXECUTE FUNCTION test_refuse_copy();
            """, connection))
        {
            await refuse.ExecuteNonQueryAsync();
        }

        try
        {
            var file = string.Join('\n', Enumerable.Range(1, 3).Select(i => JsonSerializer.Serialize(Row($"REFUSED-{i}", $"138 0000 010{i}"))));
            var (job, rows) = await ImportTests.ImportAsync(partner, file, "application/x-ndjson");
            Assert.Multiple(async () =>
            {
                Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("completed"));
                Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.EqualTo(new[] { "created", "error", "created" }));
                Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(2));
                Assert.That(await Dispatch.ScalarAsync(
                    $"SELECT count(*) FROM complaint_timeline WHERE complaint_id IN (SELECT id FROM complaints WHERE partner_id = '{partnerId}')"), Is.EqualTo(2),
                    "nothing of the refused row's complaint is kept");
            });
        }
        finally
        {
            await using var drop = new NpgsqlCommand("DROP TRIGGER IF EXISTS test_refuse_copy ON complaints; DROP FUNCTION IF EXISTS test_refuse_copy();", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<JsonObject>> RowsAsync(NpgsqlConnection connection, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        var rows = new List<JsonObject>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(JsonNode.Parse(reader.GetString(0))!.AsObject());
        }

        return rows;
    }
}
