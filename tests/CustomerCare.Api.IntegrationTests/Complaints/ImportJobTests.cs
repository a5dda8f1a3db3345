using System.Net;
using System.Text;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Commands.RunComplaintImport;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// An import is a job: 202 with its Location, progress and a per-row report there, the same job for the same file and
/// Idempotency-Key, only its partner sees it, and it survives a restart of the API: resumed where it stopped, nothing
/// saved twice.
/// </summary>
[NonParallelizable]
public sealed class ImportJobTests : IntegrationTest
{
    /// <summary>A host whose runner takes no job by itself (the test runs turns by hand), saving batches of this size.</summary>
    private static WebApplicationFactory<Program> RunByHand(int batchSize) => Testing.Factory.WithWebHostBuilder(b => b
        .UseSetting("CustomerCare:Import:PollInterval", "00:00:00").UseSetting("CustomerCare:Import:BatchSize", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static HttpClient PartnerClient(WebApplicationFactory<Program> host, string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The reads of the job <paramref name="id"/> with its file (each decrypts the whole file), from now on.</summary>
    private static SqlCommandsSeen JobReads(Guid id) => new(command => command.CommandText.Contains("FROM complaint_imports", StringComparison.Ordinal)
        && command.CommandText.Contains(".file", StringComparison.Ordinal)
        && command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => p.Value is Guid value && value == id));

    private static string File(int rows, Func<int, string>? reference = null) => string.Join('\n', Enumerable.Range(1, rows).Select(i => JsonSerializer.Serialize(new
    {
        externalReference = reference?.Invoke(i) ?? $"J-{i}",
        channel = "phone",
        title = $"宽带断网 {i}",
        description = "整栋楼无法上网",
        customer = new { name = $"客户{i}", phone = $"138 {i / 10000:D4} {i % 10000:D4}" },
    })));

    [Test]
    public async Task TheSameFileWithTheSameKey_IsTheSameJob_AndOnlyItsPartnerSeesIt()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);
        var (_, _, otherKey) = await ApiClient.CreatePartnerKeyAsync("Other partner");
        using var other = ApiClient.WithApiKey(otherKey);
        using var admin = await ApiClient.AsAdminAsync();

        var (job, rows) = await ImportTests.ImportAsync(partner, File(3), "application/x-ndjson", "import-key-1");
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints/import") { Content = new StringContent(File(3), Encoding.UTF8, "application/x-ndjson") };
        again.Headers.Add("Idempotency-Key", "import-key-1");
        using var replay = await partner.SendAsync(again);
        var location = $"/api/v1/complaint-imports/{job.GetProperty("id").GetGuid()}";

        Assert.Multiple(() =>
        {
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(replay.Headers.Location?.ToString(), Is.EqualTo(location), "the same job");
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(3));
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.All.EqualTo("created"));
            Assert.That(rows.Select(r => r.GetProperty("number").GetString()), Is.Unique);
        });
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaint_imports"), Is.EqualTo(1));
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaint_imports WHERE file IS NOT NULL"), Is.Zero, "the file is dropped when the job ends");

        await (await other.GetAsync(location)).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"{location}/rows")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync(location)).AssertStatusAsync(HttpStatusCode.Forbidden);
        await HttpAssertions.AssertProblemAsync(await partner.GetAsync($"{location}/rows?status=lost"), HttpStatusCode.BadRequest);
        var errors = await (await partner.GetAsync($"{location}/rows?status=error")).ReadJsonAsync();
        Assert.That(errors.GetProperty("totalCount").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task AJobCutShortByARestart_IsResumedByTheNextRunner_AndSavesNothingTwice()
    {
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        // Line 70 repeats line 10's reference: after the restart it must still be found a duplicate of what line 10 created.
        var file = File(100, i => i == 70 ? "J-10" : $"J-{i}");

        // The first host does not run jobs by itself: one batch is run by hand, then the host goes away.
        Guid id;
        await using (var first = Testing.Factory.WithWebHostBuilder(b => b
            .UseSetting("CustomerCare:Import:PollInterval", "00:00:00").UseSetting("CustomerCare:Import:BatchSize", "40")))
        {
            using var client = first.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            using var posted = await client.PostAsync("/api/v1/complaints/import", new StringContent(file, Encoding.UTF8, "application/x-ndjson"));
            await posted.AssertStatusAsync(HttpStatusCode.Accepted);
            id = (await posted.ReadJsonAsync()).GetProperty("id").GetGuid();
            var queued = await (await client.GetAsync($"/api/v1/complaint-imports/{id}")).ReadJsonAsync();
            Assert.That(queued.GetProperty("status").GetString(), Is.EqualTo("queued"));

            await using var scope = first.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(partnerId);
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunComplaintImportCommand(id, MaxBatches: 1));

            var half = await (await client.GetAsync($"/api/v1/complaint-imports/{id}")).ReadJsonAsync();
            Assert.Multiple(() =>
            {
                Assert.That(half.GetProperty("status").GetString(), Is.EqualTo("running"));
                Assert.That(half.GetProperty("rowsDone").GetInt32(), Is.EqualTo(40));
                Assert.That(half.GetProperty("created").GetInt32(), Is.EqualTo(40));
            });
        }

        // As if a runner had died holding the job: the next one takes it over once the lease has passed.
        await Dispatch.ScalarAsync($"UPDATE complaint_imports SET held_until = now() + interval '1 second' WHERE id = '{id}' RETURNING 1");
        await using var second = Testing.Factory.WithWebHostBuilder(b => b
            .UseSetting("CustomerCare:Import:PollInterval", "00:00:00.200").UseSetting("CustomerCare:Import:BatchSize", "40"));
        using var resumed = second.CreateClient();
        resumed.DefaultRequestHeaders.Add("X-Api-Key", key);
        var (job, rows) = await ImportTests.WaitForAsync(resumed, $"/api/v1/complaint-imports/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(job.GetProperty("rowsDone").GetInt32(), Is.EqualTo(100));
            Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(99));
            Assert.That(job.GetProperty("duplicates").GetInt32(), Is.EqualTo(1));
            Assert.That(rows.Select(r => r.GetProperty("line").GetInt32()), Is.EqualTo(Enumerable.Range(1, 100)), "one report line per row, in order");
            Assert.That(rows[69].GetProperty("status").GetString(), Is.EqualTo("duplicate"));
            Assert.That(rows[69].GetProperty("complaintId").GetGuid(), Is.EqualTo(rows[9].GetProperty("complaintId").GetGuid()));
        });
        Assert.Multiple(async () =>
        {
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(99), "nothing saved twice");
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(DISTINCT number) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(99));
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM customers"), Is.EqualTo(99), "one customer per phone");
        });
    }

    [Test]
    public async Task ATurnOfSeveralBatches_ReadsTheJobAndItsFileOnce_AndWritesEachReportLineOnce()
    {
        // Reading the job decrypts its whole file (2 MB for 10,000 rows): a runner keeps the job it has just saved for
        // the next batch instead of reading it again, and writes only the report lines recorded since.
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        await using var host = RunByHand(batchSize: 40);
        using var client = PartnerClient(host, key);
        using var posted = await client.PostAsync("/api/v1/complaints/import", new StringContent(File(100), Encoding.UTF8, "application/x-ndjson"));
        await posted.AssertStatusAsync(HttpStatusCode.Accepted);
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetGuid();

        using var reads = JobReads(id);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(partnerId);
        var status = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunComplaintImportCommand(id));

        var job = await (await client.GetAsync($"/api/v1/complaint-imports/{id}")).ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(status.ToString(), Is.EqualTo("Completed"));
            Assert.That(reads.Commands, Has.Count.EqualTo(1), "the job (and its file) read in a turn of three batches");
            Assert.That(job.GetProperty("rowsDone").GetInt32(), Is.EqualTo(100));
            Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(100));
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaint_import_rows WHERE import_id = '{id}'"), Is.EqualTo(100));
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(100));
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaint_imports WHERE id = '{id}' AND file IS NULL AND held_until IS NULL"),
                Is.EqualTo(1), "finished: its file dropped, held by no runner");
        });
    }

    [Test]
    public async Task AReferenceRepeatedInALaterBatch_IsADuplicateOfItsFirstLine_WhetherThatBatchIsSavedOrStillBeingSaved()
    {
        // Batches of 40: the second batch is staged while the first is being saved, the third while the second is. A
        // reference's first imported line decides; each later line with it is a duplicate of that line's complaint, found
        // in the batch being saved (lines 50 and 90) or in one saved before (line 95). A line refused while it is staged
        // (7: an unknown category) keeps its reference: a later line with it is refused too, whether line 7's batch is
        // being saved (47) or saved (97). A line that does not validate (12: no title) claims no reference: a later line
        // with it (60, as a partner resends a corrected row) is imported.
        var repeats = new Dictionary<int, int> { [47] = 7, [50] = 10, [60] = 12, [90] = 45, [95] = 5, [97] = 7 };
        var file = string.Join('\n', Enumerable.Range(1, 100).Select(i => JsonSerializer.Serialize(new
        {
            externalReference = $"R-{(repeats.TryGetValue(i, out var first) ? first : i)}",
            channel = "phone",
            title = i == 12 ? "" : $"宽带断网 {i}",
            description = "整栋楼无法上网",
            category = i == 7 ? "noSuchCategory" : null,
            customer = new { name = $"客户{i}", phone = $"139 {i / 10000:D4} {i % 10000:D4}" },
        })));
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        await using var host = RunByHand(batchSize: 40);
        using var client = PartnerClient(host, key);
        using var posted = await client.PostAsync("/api/v1/complaints/import", new StringContent(file, Encoding.UTF8, "application/x-ndjson"));
        await posted.AssertStatusAsync(HttpStatusCode.Accepted);
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetGuid();

        // A repeat the staging lane did not know of would reach the database, fail its batch as a whole, and send the
        // batch row by row, each row reading the job again: the outcomes would be the same, the turn not.
        using var reads = JobReads(id);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(partnerId);
        var status = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunComplaintImportCommand(id));

        var rows = (await (await client.GetAsync($"/api/v1/complaint-imports/{id}/rows?pageSize=200")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32());
        string Status(int line) => rows[line].GetProperty("status").GetString()!;
        Guid? Complaint(int line) => rows[line].TryGetProperty("complaintId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetGuid() : null;
        var job = await (await client.GetAsync($"/api/v1/complaint-imports/{id}")).ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(status.ToString(), Is.EqualTo("Completed"));
            Assert.That(reads.Commands, Has.Count.EqualTo(1), "no batch failed as a whole and went row by row");
            Assert.That(rows, Has.Count.EqualTo(100));
            foreach (var (line, firstLine) in repeats.Where(r => r.Value is not 12 and not 7))
            {
                Assert.That(Status(firstLine), Is.EqualTo("created"), $"line {firstLine}");
                Assert.That(Status(line), Is.EqualTo("duplicate"), $"line {line} repeats line {firstLine}");
                Assert.That(Complaint(line), Is.EqualTo(Complaint(firstLine)).And.Not.Null, $"line {line} names line {firstLine}'s complaint");
            }

            Assert.That(Status(12), Is.EqualTo("error"));
            Assert.That(rows[12].GetProperty("errors").TryGetProperty("title", out _), Is.True, "line 12: " + rows[12]);
            Assert.That(Status(60), Is.EqualTo("created"), "line 60 carries line 12's reference, which no complaint holds");
            Assert.That(rows[7].GetProperty("errors").TryGetProperty("category", out _), Is.True, "line 7: " + rows[7]);
            foreach (var line in new[] { 47, 97 })
            {
                Assert.That(Status(line), Is.EqualTo("error"), $"line {line} repeats line 7, which could not be imported");
                Assert.That(rows[line].GetProperty("errors").GetProperty("externalReference")[0].GetString(), Does.Contain("Line 7"), $"line {line}");
            }

            Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(93));
            Assert.That(job.GetProperty("duplicates").GetInt32(), Is.EqualTo(3));
            Assert.That(job.GetProperty("errors").GetInt32(), Is.EqualTo(4));
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(93),
                "one complaint a reference");
        });
    }

    [Test]
    public async Task ABatchStagedWhileTheOneBeforeIsBeingSaved_MatchesTheCustomersThatOneCreates()
    {
        // The runner stages the next batch while the database still writes the one before: a customer that one creates
        // is not in the database yet, and must be matched, not created twice. The first batch's save is held until the
        // second has looked its customers up (its numbers are drawn after that): a lock on the partner row its complaints
        // refer to stops the save at the foreign key check, and the number sequence shows the second batch's draw.
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        await using var host = RunByHand(batchSize: 2);
        using var client = PartnerClient(host, key);
        string[] phones = ["138 7000 0001", "138 7000 0002", "138 7000 0001", "138 7000 0004"]; // line 3: line 1's customer
        var file = string.Join('\n', phones.Select((phone, i) => JsonSerializer.Serialize(new
        {
            externalReference = $"INFLIGHT-{i + 1}",
            channel = "phone",
            title = $"宽带断网 {i + 1}",
            description = "整栋楼无法上网",
            customer = new { name = $"客户{i + 1}", phone },
        })));
        using var posted = await client.PostAsync("/api/v1/complaints/import", new StringContent(file, Encoding.UTF8, "application/x-ndjson"));
        await posted.AssertStatusAsync(HttpStatusCode.Accepted);
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetGuid();

        await using var locker = new NpgsqlConnection(Testing.Database.ConnectionString);
        await locker.OpenAsync();
        const string Drawn = "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM complaint_number_seq"; // numbers drawn so far
        var drawn = await Dispatch.ScalarAsync(Drawn);
        await using var hold = await locker.BeginTransactionAsync();
        await using (var lockPartner = new NpgsqlCommand($"SELECT 1 FROM partners WHERE id = '{partnerId}' FOR UPDATE", locker, hold))
        {
            await lockPartner.ExecuteScalarAsync();
        }

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(partnerId);
        var turn = scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunComplaintImportCommand(id)).AsTask();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(await Dispatch.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") > 0
                && await Dispatch.ScalarAsync(Drawn) >= drawn + 4))
            {
                Assert.That(turn.IsCompleted, Is.False, "the turn ended while the first batch's save was held");
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the first batch's save held and the second batch's numbers drawn");
                await Task.Delay(20);
            }
        }
        finally
        {
            await hold.RollbackAsync();
        }

        Assert.That((await turn).ToString(), Is.EqualTo("Completed"));
        var (job, rows) = await ImportTests.WaitForAsync(client, $"/api/v1/complaint-imports/{id}");
        var customers = new List<long>();
        foreach (var row in rows)
        {
            customers.Add(await Dispatch.ScalarAsync(
                $"SELECT count(*) FROM complaints c JOIN complaints first ON first.customer_id = c.customer_id WHERE c.id = '{row.GetProperty("complaintId").GetGuid()}' AND first.partner_id = '{partnerId}'"));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(4));
            Assert.That(customers, Is.EqualTo(new long[] { 2, 1, 2, 1 }), "complaints of each line's customer: lines 1 and 3 share one");
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(DISTINCT customer_id) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(3));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ABatchIsWrittenBesideTheSaveOfTheOneBefore_AndKeptOnlyIfThatOneIsSaved(bool firstRefused)
    {
        // Batches of 2. The second batch's save does not wait for the first's commit: its new rows are written beside it,
        // and it takes the job over (its progress, its row version) once the first has committed. A trigger holds the
        // first batch's COPY at line 2 (on an advisory lock the test holds) until the second batch has written its
        // complaints (their postings, written at the end of their COPY, hold a lock). Then the first batch goes on: saved,
        // or refused as a row whose reference a concurrent request took is refused; the second batch is then not kept,
        // the first goes row by row, and the second is staged and saved again after it.
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        var prefix = $"BESIDE-{Guid.NewGuid():N}"[..20];
        var file = string.Join('\n', Enumerable.Range(1, 6).Select(i => JsonSerializer.Serialize(new
        {
            externalReference = $"{prefix}-{i}",
            channel = "phone",
            title = $"宽带断网 {i}",
            description = "整栋楼无法上网",
            customer = new { name = $"客户{i}", phone = $"138 7100 {i:D4}" },
        })));
        await using var host = RunByHand(batchSize: 2);
        using var client = PartnerClient(host, key);
        using var posted = await client.PostAsync("/api/v1/complaints/import", new StringContent(file, Encoding.UTF8, "application/x-ndjson"));
        await posted.AssertStatusAsync(HttpStatusCode.Accepted);
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetGuid();

        await using var locker = new NpgsqlConnection(Testing.Database.ConnectionString);
        await locker.OpenAsync();
        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, locker);
            await command.ExecuteNonQueryAsync();
        }

        await ExecuteAsync($"""
            CREATE FUNCTION test_hold_copy() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN
              IF NEW.external_reference = '{prefix}-2' THEN
                PERFORM pg_advisory_xact_lock(hashtext('{prefix}'));
                IF {(firstRefused ? "true" : "false")} THEN RAISE unique_violation USING MESSAGE = 'taken meanwhile'; END IF;
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER test_hold_copy BEFORE INSERT ON complaints FOR EACH ROW EXECUTE FUNCTION test_hold_copy();
            SELECT pg_advisory_lock(hashtext('{prefix}'));
            """);
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(partnerId);
            using var reads = JobReads(id);
            var turn = scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunComplaintImportCommand(id)).AsTask();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(await Dispatch.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'advisory' AND datname = current_database()") > 0
                && await Dispatch.ScalarAsync(
                    """
                    SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                    WHERE c.relname = 'complaint_search_postings' AND l.mode = 'RowExclusiveLock' AND l.granted
                      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    """) > 0))
            {
                Assert.That(turn.IsCompleted, Is.False, "the turn ended while the first batch's COPY was held");
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the second batch's complaints written while the first batch's COPY was held");
                await Task.Delay(20);
            }

            await ExecuteAsync($"SELECT pg_advisory_unlock(hashtext('{prefix}'))");
            Assert.That((await turn).ToString(), Is.EqualTo("Completed"));
            var (job, rows) = await ImportTests.WaitForAsync(client, $"/api/v1/complaint-imports/{id}");
            var expected = Enumerable.Range(1, 6).Select(i => i == 2 && firstRefused ? "error" : "created").ToList();
            Assert.Multiple(async () =>
            {
                Assert.That(rows.Select(r => r.GetProperty("line").GetInt32()), Is.EqualTo(Enumerable.Range(1, 6)), "every line reported once, in order");
                Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.EqualTo(expected));
                Assert.That(job.GetProperty("rowsDone").GetInt32(), Is.EqualTo(6));
                Assert.That(job.GetProperty("created").GetInt32(), Is.EqualTo(firstRefused ? 5 : 6));
                Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaint_import_rows WHERE import_id = '{id}'"), Is.EqualTo(6));
                Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(firstRefused ? 5 : 6),
                    "one complaint for each line created, the second batch's not kept twice");
                Assert.That(await Dispatch.ScalarAsync($"SELECT count(DISTINCT complaint_id) FROM complaint_search_postings WHERE complaint_id IN (SELECT id FROM complaints WHERE partner_id = '{partnerId}')"),
                    Is.EqualTo(firstRefused ? 5 : 6));
                Assert.That(await Dispatch.ScalarAsync($"SELECT count(DISTINCT customer_id) FROM complaints WHERE partner_id = '{partnerId}'"), Is.EqualTo(firstRefused ? 5 : 6));
                // The job read once in a turn saved batch by batch. Row by row, the first batch's rows read it once each, line 2
                // once more (refused again, its outcome recorded on the job as committed), and the turn once after them.
                Assert.That(reads.Commands, Has.Count.EqualTo(firstRefused ? 5 : 1), "the job (and its file) read in the turn");
            });
        }
        finally
        {
            await ExecuteAsync($"SELECT pg_advisory_unlock_all(); DROP TRIGGER IF EXISTS test_hold_copy ON complaints; DROP FUNCTION IF EXISTS test_hold_copy();");
        }
    }

    [Test]
    public async Task APartnerDeactivatedBeforeItsJobRuns_LeavesAFailedJob_WithoutItsFile_AndNothingImported()
    {
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var admin = await ApiClient.AsAdminAsync();
        await using var host = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Import:PollInterval", "00:00:00"));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var posted = await client.PostAsync("/api/v1/complaints/import", new StringContent(File(5), Encoding.UTF8, "application/x-ndjson"));
        await posted.AssertStatusAsync(HttpStatusCode.Accepted);
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetGuid();

        await (await admin.PostAsync($"/api/v1/partners/{partnerId}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobCaller>().ActForPartner(partnerId);
        var status = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunComplaintImportCommand(id));

        Assert.Multiple(async () =>
        {
            Assert.That(status.ToString(), Is.EqualTo("Failed"));
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaint_imports WHERE id = '{id}' AND status = 'Failed' AND file IS NULL AND failure LIKE '%deactivated%'"),
                Is.EqualTo(1), "failed, its file dropped, the reason stated");
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaints WHERE partner_id = '{partnerId}'"), Is.Zero);
        });

        // Active again, the partner reads why, in its language.
        await (await admin.PostAsync($"/api/v1/partners/{partnerId}/activate", null)).AssertStatusAsync(HttpStatusCode.OK);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaint-imports/{id}");
        read.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var job = await (await client.SendAsync(read)).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(job.GetProperty("failure").GetString(), Is.EqualTo("导入结束前合作方已被停用，尚未处理的行没有导入。"));
        });
    }

    [Test]
    public async Task AJobWhoseProgressCannotBeSaved_IsRetriedAfterItsLease_ThenGivenUp_WithItsReasonAndNothingHalfSaved()
    {
        // A real failure of the database on every attempt: a trigger refuses to record any progress of this partner's job
        // (a refused row alone would be reported as an error row; a job that cannot be saved at all fails its turn).
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var refuse = new NpgsqlCommand(
            $"""
            CREATE FUNCTION test_refuse_import() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.partner_id = '{partnerId}' AND NEW.rows_done > OLD.rows_done THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_refuse_import BEFORE UPDATE ON complaint_imports FOR EACH ROW EXECUTE FUNCTION test_refuse_import();
            """, connection))
        {
            await refuse.ExecuteNonQueryAsync();
        }

        try
        {
            await using var host = Testing.Factory.WithWebHostBuilder(b => b
                .UseSetting("CustomerCare:Import:PollInterval", "00:00:00.100")
                .UseSetting("CustomerCare:Import:Lease", "00:00:00.300")
                .UseSetting("CustomerCare:Import:MaxFailedTurns", "3"));
            using var client = host.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            using var posted = await client.PostAsync("/api/v1/complaints/import",
                new StringContent(File(5), Encoding.UTF8, "application/x-ndjson"));
            await posted.AssertStatusAsync(HttpStatusCode.Accepted);
            var location = posted.Headers.Location!.ToString();

            JsonElement job;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            do
            {
                await Task.Delay(100);
                using var read = new HttpRequestMessage(HttpMethod.Get, location);
                read.Headers.AcceptLanguage.ParseAdd("zh-CN");
                job = await (await client.SendAsync(read)).ReadJsonAsync();
            }
            while (job.GetProperty("status").GetString() != "failed" && DateTime.UtcNow < deadline);

            Assert.Multiple(async () =>
            {
                Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("failed"), "given up, not retried for ever");
                Assert.That(job.GetProperty("failure").GetString(), Is.EqualTo("导入因意外错误反复失败，已放弃；已处理的行仍然保留。"));
                Assert.That(job.GetProperty("rowsDone").GetInt32(), Is.Zero);
                Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaints WHERE partner_id = '{partnerId}'"), Is.Zero, "no batch half saved");
                Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM complaint_imports WHERE partner_id = '{partnerId}' AND file IS NULL AND failed_turns = 3"),
                    Is.EqualTo(1), "three turns failed; the file is dropped");
            });
        }
        finally
        {
            await using var drop = new NpgsqlCommand(
                "DROP TRIGGER IF EXISTS test_refuse_import ON complaint_imports; DROP FUNCTION IF EXISTS test_refuse_import();", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
