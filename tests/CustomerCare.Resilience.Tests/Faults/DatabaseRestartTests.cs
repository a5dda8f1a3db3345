using System.Net.Http.Json;
using CustomerCare.Resilience.Tests.Infrastructure;

namespace CustomerCare.Resilience.Tests.Faults;

/// <summary>
/// The database crashes (immediate shutdown, as a power cut) while clients keep creating and registering complaints,
/// and comes back six seconds later. Meanwhile the API answers 503 problem responses with Retry-After, within a bounded
/// time; afterwards it recovers by itself, and every request it acknowledged with a 2xx is in the database.
/// </summary>
[NonParallelizable]
public class DatabaseRestartTests
{
    private const int Clients = 6;

    /// <summary>The longest any request may take: the retry budget (about 4 s) and a command's time, well under a client's patience.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Test]
    public async Task DatabaseCrashesUnderLoad_Answers503_Recovers_AndLosesNothingAcknowledged()
    {
        var connectionString = await OwnCluster.CreateDatabaseAsync("resilience_restart");
        await using var api = new ApiProcess(connectionString, new Dictionary<string, string>
        {
            ["CustomerCare__Sla__ScanInterval"] = "00:00:01",
            ["CustomerCare__Webhooks__DispatchInterval"] = "00:00:01",
        });
        await api.StartAsync();
        using var admin = await api.AdminAsync(timeout: TimeSpan.FromSeconds(60));
        var log = new LoadLog();
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, Clients).Select(worker => Task.Run(async () =>
        {
            for (var i = worker * 1_000_000; !stop.IsCancellationRequested; i++)
            {
                var created = await log.SendAsync(admin, "create",
                    new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(Complaints.New(i)) });
                if (created is { Status: 201, Id: { } id, ETag: { } etag })
                {
                    await log.SendAsync(admin, "register", Complaints.Register(id, etag), id);
                }
            }
        })).ToArray();

        // Crash once the load is under way (some requests acknowledged), however slowly a busy machine gets there.
        await LoadLog.UntilAsync(() => log.Outcomes.Count(o => o.Acknowledged) >= 10, TimeSpan.FromSeconds(60));
        var crashedAt = DateTime.UtcNow;
        await OwnCluster.CrashAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        await OwnCluster.RestartAsync();
        var restartedAt = DateTime.UtcNow;

        var recoveryDeadline = DateTime.UtcNow.AddSeconds(60);
        while (!log.Outcomes.Any(o => o.Acknowledged && o.At > restartedAt) && DateTime.UtcNow < recoveryDeadline)
        {
            await Task.Delay(100);
        }

        var recoveredAt = log.Outcomes.Where(o => o.Acknowledged && o.At > restartedAt).Select(o => o.At).DefaultIfEmpty().Min();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var outcomes = log.Outcomes.ToList();
        var acknowledgedCreates = outcomes.Where(o => o is { Kind: "create", Status: 201 }).Select(o => o.Id!.Value).ToList();
        var acknowledgedRegisters = outcomes.Where(o => o is { Kind: "register", Status: 200 }).Select(o => o.Id!.Value).ToList();
        var lostCreates = await Database.MissingAsync(connectionString, "SELECT id FROM complaints WHERE id = ANY($1)", acknowledgedCreates);
        var lostRegisters = await Database.MissingAsync(connectionString,
            "SELECT id FROM complaints WHERE id = ANY($1) AND status = 'Registered'", acknowledgedRegisters);
        var unavailable = outcomes.Where(o => o.Status == 503).ToList();

        TestContext.Out.WriteLine(
            $"database crash: {outcomes.Count} requests sent, {outcomes.Count(o => o.Acknowledged)} acknowledged, " +
            $"{unavailable.Count} answered 503, {lostCreates.Count + lostRegisters.Count} acknowledged but lost; " +
            $"down {(restartedAt - crashedAt).TotalSeconds:F1} s, first success {(recoveredAt - restartedAt).TotalSeconds:F1} s after the restart; " +
            $"slowest answer {outcomes.Max(o => o.Elapsed).TotalSeconds:F1} s. {log.Summary()}");

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Where(o => o.Acknowledged && o.At < crashedAt), Is.Not.Empty, "the load ran before the crash");
            Assert.That(unavailable, Is.Not.Empty, "requests met the database down");
            Assert.That(recoveredAt, Is.GreaterThan(restartedAt), "the API recovered by itself once the database was back");
            Assert.That(outcomes.Where(o => o.Status is not (200 or 201 or 503)).Select(o => $"{o.Kind} {o.Status}: {o.Body}"), Is.Empty,
                "every request ended in success or 503: no 500, no unanswered request");
            Assert.That(outcomes.Max(o => o.Elapsed), Is.LessThan(Bound), "no request hung");
            Assert.That(unavailable.Where(o => o.RetryAfter is null || o.ContentType != "application/problem+json"), Is.Empty,
                "503 is a problem response with Retry-After");
            Assert.That(unavailable.Where(o => o.Body.Contains("Exception", StringComparison.Ordinal) || o.Body.Contains(" at ", StringComparison.Ordinal)),
                Is.Empty, "no internals in a 503");
            Assert.That(lostCreates, Is.Empty, "every acknowledged complaint is stored");
            Assert.That(lostRegisters, Is.Empty, "every acknowledged registration is stored");
            Assert.That(outcomes.Where(o => o.At > recoveredAt.AddSeconds(1)).All(o => o.Acknowledged), Is.True,
                "after recovery every request succeeds again");
        });
    }
}
