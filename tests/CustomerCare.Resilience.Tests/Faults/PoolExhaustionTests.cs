using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Resilience.Tests.Infrastructure;
using Npgsql;

namespace CustomerCare.Resilience.Tests.Faults;

/// <summary>
/// Slow queries, an exhausted connection pool and a full query queue: a transaction elsewhere holds a lock on the
/// complaints table, so every read of a complaint waits; a burst of requests asks for more queries at once than the API
/// runs (8, ADR 0024), and those it runs for more connections than the pool has (4). Each request ends within a bounded
/// time (the command timeout, 3 s; the wait for a pooled connection, 2 s; or the wait for a turn, 2 s) with 503 and
/// Retry-After; the waiting queries are cancelled in the database; threads do not pile up; the API serves again once the
/// lock is gone.
/// </summary>
[NonParallelizable]
public class PoolExhaustionTests
{
    private const int Burst = 48;

    [Test]
    public async Task SlowQueriesAndAnExhaustedPool_Answer503WithinBoundedTime_AndTheApiRecovers()
    {
        var database = await OwnCluster.CreateDatabaseAsync("resilience_pool");
        var connectionString = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 4, Timeout = 2, ApplicationName = "customercare-api" }.ConnectionString;
        await using var api = new ApiProcess(connectionString, new Dictionary<string, string>
        {
            ["CustomerCare__Database__CommandTimeoutSeconds"] = "3",
            ["CustomerCare__Pipeline__MaxConcurrentQueries"] = "8",
            ["CustomerCare__Pipeline__QueryQueueTimeout"] = "00:00:02",
            ["CustomerCare__Sla__ScanInterval"] = "00:00:00",
            ["CustomerCare__Webhooks__DispatchInterval"] = "00:00:00",
        });
        await api.StartAsync();
        using var admin = await api.AdminAsync(TimeSpan.FromSeconds(60));
        var created = await admin.PostAsJsonAsync("/api/v1/complaints", Complaints.New(1));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var threadsBefore = api.Threads();

        var log = new LoadLog();
        var maxThreads = threadsBefore;
        long waitingInDatabaseAfter;
        await using (var locker = new NpgsqlConnection(database))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE", locker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            var burst = Enumerable.Range(0, Burst)
                .Select(_ => log.SendAsync(admin, "get", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{id}"), id))
                .ToList();
            while (!burst.All(t => t.IsCompleted))
            {
                maxThreads = Math.Max(maxThreads, api.Threads());
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            waitingInDatabaseAfter = await Database.ScalarAsync<long>(database,
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'customercare-api' AND wait_event_type = 'Lock'");
            await transaction.RollbackAsync();
        }

        var after = await log.SendAsync(admin, "get after", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{id}"), id);
        var outcomes = log.Outcomes.Where(o => o.Kind == "get").ToList();

        TestContext.Out.WriteLine(
            $"pool of 4, {Burst} requests behind a lock: {log.Summary()}; slowest {outcomes.Max(o => o.Elapsed).TotalSeconds:F1} s; " +
            $"threads {threadsBefore} before, at most {maxThreads} during; {waitingInDatabaseAfter} queries left waiting in the database; " +
            $"after the lock: {after.Status} in {after.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Where(o => o.Status != 503).Select(o => $"{o.Status}: {o.Body}"), Is.Empty, "every waiting request answered 503");
            Assert.That(outcomes.Where(o => o.RetryAfter is null || o.ContentType != "application/problem+json"), Is.Empty,
                "as a problem response with Retry-After");
            Assert.That(outcomes.Max(o => o.Elapsed), Is.LessThan(TimeSpan.FromSeconds(10)),
                "bounded by the command timeout, the pool's wait and the queue's, not by the lock");
            Assert.That(outcomes.Where(o => o.Body.Contains("Too many requests are being answered", StringComparison.Ordinal)), Is.Not.Empty,
                "the queries beyond the eight the API runs at once waited their turn, and no longer than the queue timeout");
            Assert.That(maxThreads, Is.LessThan(threadsBefore + 24), "waiting requests do not hold threads");
            Assert.That(waitingInDatabaseAfter, Is.Zero, "timed-out queries were cancelled in the database");
            Assert.That(after.Status, Is.EqualTo(200), "the API serves again once the lock is gone");
        });
    }
}
