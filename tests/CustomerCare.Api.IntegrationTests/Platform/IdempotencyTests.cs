using System.Net;
using System.Net.Http.Json;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;

namespace CustomerCare.Api.IntegrationTests.Platform;

public sealed class IdempotencyTests : AdminIntegrationTest
{
    [Test]
    public async Task Post_WithTheSameKeyAndBody_ReplaysTheFirstResponseAndCreatesNothingMore()
    {
        var key = Guid.NewGuid().ToString();
        var body = ComplaintApi.NewComplaint("Kettle leaks");

        var first = await SendAsync(Admin, key, body);
        await first.AssertStatusAsync(HttpStatusCode.Created);
        var second = await SendAsync(Admin, key, body);
        await second.AssertStatusAsync(HttpStatusCode.Created);

        Assert.Multiple(async () =>
        {
            Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(second.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaints"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Post_WithTheSameKeyAndAnotherBody_Gets422()
    {
        var key = Guid.NewGuid().ToString();
        await (await SendAsync(Admin, key, ComplaintApi.NewComplaint("Kettle leaks"))).AssertStatusAsync(HttpStatusCode.Created);

        var other = await SendAsync(Admin, key, ComplaintApi.NewComplaint("Toaster burns"));

        await HttpAssertions.AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaints"), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_WithTheSameKeyConcurrently_ProcessesOneAndAnswersTheOthersTheReplayOr409()
    {
        var key = Guid.NewGuid().ToString();
        var body = ComplaintApi.NewComplaint("Kettle leaks");
        var clients = Enumerable.Range(0, 8).Select(_ => Testing.Factory.CreateClient()).ToList();
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        }

        var responses = await Task.WhenAll(clients.Select(c => SendAsync(c, key, body)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.Conflict), string.Join(", ", statuses));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")), Is.EqualTo(1),
                "exactly one request was processed");
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaints"), Is.EqualTo(1));
        });
        var conflict = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.Conflict);
        if (conflict is not null)
        {
            Assert.That(conflict.Headers.RetryAfter, Is.Not.Null);
            await HttpAssertions.AssertProblemAsync(conflict, HttpStatusCode.Conflict);
        }

        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task Keys_AreScopedPerCaller_AndErrorsAreReplayedToo()
    {
        var key = Guid.NewGuid().ToString();
        using var agent = await ApiClient.AsStaffAsync("Agent");
        await (await SendAsync(Admin, key, ComplaintApi.NewComplaint("Kettle leaks"))).AssertStatusAsync(HttpStatusCode.Created);

        // Another caller may use the same key for its own request.
        await (await SendAsync(agent, key, ComplaintApi.NewComplaint("Toaster burns"))).AssertStatusAsync(HttpStatusCode.Created);

        // A 400 is a response like any other: the retry gets it back, marked as a replay.
        var invalidKey = Guid.NewGuid().ToString();
        var invalid = new { channel = "phone", title = "" };
        await HttpAssertions.AssertProblemAsync(await SendAsync(Admin, invalidKey, invalid), HttpStatusCode.BadRequest);
        var again = await SendAsync(Admin, invalidKey, invalid);
        await HttpAssertions.AssertProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.That(again.Headers.Contains("Idempotent-Replayed"), Is.True);
    }

    [Test]
    public async Task Keys_ThatAreMalformed_Get400_AndStoredResponsesAreEncrypted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(ComplaintApi.NewComplaint()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 256));
        await HttpAssertions.AssertProblemAsync(await Admin.SendAsync(request), HttpStatusCode.BadRequest);

        await (await SendAsync(Admin, "plain-key-1", ComplaintApi.NewComplaint("Kettle leaks"))).AssertStatusAsync(HttpStatusCode.Created);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE position(convert_to('Kettle', 'UTF8') in response) > 0"), Is.Zero);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE key = 'plain-key-1' AND state = 'Completed'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_WhoseClientWentAwayMidRequest_IsProcessedAnewOnItsRetry()
    {
        var key = Guid.NewGuid().ToString();
        var body = ComplaintApi.NewComplaint("Kettle leaks");

        // The complaints table is held, so the create waits inside its transaction; the client gives up meanwhile.
        await using (var holder = new NpgsqlConnection(Testing.Database.ConnectionString))
        {
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await new NpgsqlCommand("LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE", holder, hold).ExecuteNonQueryAsync();
            using var leaving = new CancellationTokenSource();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var abandoned = Admin.SendAsync(request, leaving.Token);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await Dispatch.ScalarAsync("SELECT count(*) FROM pg_locks WHERE relation = 'complaints'::regclass AND NOT granted") == 0)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the create never reached the complaints table");
                await Task.Delay(20);
            }

            await leaving.CancelAsync();
            Assert.That(async () => await abandoned, Throws.InstanceOf<OperationCanceledException>());
            // The cancellation reaches PostgreSQL: the create stops waiting, and its transaction (key and all) is rolled back.
            while (await Dispatch.ScalarAsync("SELECT count(*) FROM pg_locks WHERE relation = 'complaints'::regclass AND NOT granted") > 0)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the abandoned request never ended");
                await Task.Delay(20);
            }

            await hold.RollbackAsync();
        }

        // Nothing was created, so nothing is replayed: the retry creates the complaint.
        var retry = await SendAsync(Admin, key, body);
        await retry.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaints"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Post_RetriedWhileTheFirstIsStillRunning_WaitsForItAndGetsItsResponse()
    {
        var key = Guid.NewGuid().ToString();
        var body = ComplaintApi.NewComplaint("Kettle leaks");
        using var second = Testing.Factory.CreateClient();
        second.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;

        Task<HttpResponseMessage> first, retry;
        await using (var holder = new NpgsqlConnection(Testing.Database.ConnectionString))
        {
            // The first request is held at the complaints table, its key claimed; the retry then waits on that key.
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await new NpgsqlCommand("LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE", holder, hold).ExecuteNonQueryAsync();
            first = SendAsync(Admin, key, body);
            await WaitForAsync("SELECT count(*) FROM pg_locks WHERE relation = 'complaints'::regclass AND NOT granted", 1);
            retry = SendAsync(second, key, body);
            // The retry waits for the first request's transaction (on the key's unique index entry).
            await WaitForAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted", 1);
            Assert.That(retry.IsCompleted, Is.False, "the retry waits for the first request");
            await hold.RollbackAsync();
        }

        var (original, replay) = (await first, await retry);
        await original.AssertStatusAsync(HttpStatusCode.Created);
        await replay.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(original.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(await replay.Content.ReadAsStringAsync(), Is.EqualTo(await original.Content.ReadAsStringAsync()));
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaints"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Post_WithAKey_CommitsTheKeyAndEverythingItCreatedInOneTransaction()
    {
        var key = Guid.NewGuid().ToString();
        await (await SendAsync(Admin, key, ComplaintApi.NewComplaint("Kettle leaks"))).AssertStatusAsync(HttpStatusCode.Created);

        // One commit: the key with its response was written by the transaction that wrote the complaint's timeline (the
        // complaint's rows themselves carry the id of the savepoint they were saved behind, a subtransaction of it).
        Assert.That(await Dispatch.ScalarAsync($"""
            SELECT count(*) FROM idempotency_keys k, complaint_timeline t
            WHERE k.key = '{key}' AND k.state = 'Completed' AND k.xmin::text::bigint = t.transaction_id::text::bigint % 4294967296
            """), Is.EqualTo(1));
    }

    [Test]
    public async Task A_RequestWhoseTransactionFailed_KeepsItsProblemResponse_AndNothingElse()
    {
        // A statement that fails fails PostgreSQL's transaction with it; the problem response the request answers with
        // is then stored on its own, and a response that claims success is refused rather than replayed for nothing.
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IIdempotencyStore>();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/problem+json" };

        var claim = await store.ClaimAsync("staff:test", "failed-400", "fingerprint", CancellationToken.None);
        Assert.That(claim.Outcome, Is.EqualTo(IdempotencyOutcome.Claimed));
        await db.Database.ExecuteSqlRawAsync("INSERT INTO settings (key, value, updated_at) VALUES ('test.kept', '{{}}', now())");
        Assert.That(async () => await db.Database.ExecuteSqlRawAsync("SELECT 1 / 0"), Throws.InstanceOf<PostgresException>());
        await store.CompleteAsync("staff:test", "failed-400", new StoredResponse(400, headers, "{}"u8.ToArray()), CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE key = 'failed-400' AND state = 'Completed' AND status_code = 400"), Is.EqualTo(1));
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM settings WHERE key = 'test.kept'"), Is.Zero, "the request's own work is rolled back");
        });

        await using var other = Testing.Factory.Services.CreateAsyncScope();
        var store2 = other.ServiceProvider.GetRequiredService<IIdempotencyStore>();
        var db2 = other.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        await store2.ClaimAsync("staff:test", "failed-201", "fingerprint", CancellationToken.None);
        Assert.That(async () => await db2.Database.ExecuteSqlRawAsync("SELECT 1 / 0"), Throws.InstanceOf<PostgresException>());
        Assert.That(async () => await store2.CompleteAsync("staff:test", "failed-201", new StoredResponse(201, headers, "{}"u8.ToArray()), CancellationToken.None),
            Throws.InstanceOf<PostgresException>());
        await store2.ReleaseAsync("staff:test", "failed-201", CancellationToken.None);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE key = 'failed-201'"), Is.Zero);
    }

    private static async Task WaitForAsync(string countQuery, long atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await Dispatch.ScalarAsync(countQuery) < atLeast)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), countQuery);
            await Task.Delay(20);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
