using System.Net.Http.Json;
using CustomerCare.Resilience.Tests.Infrastructure;
using Npgsql;

namespace CustomerCare.Resilience.Tests.Faults;

/// <summary>
/// The SLA schedules and the notification policy are kept for ten seconds and then reloaded from the database, in a
/// connection of their own, by a request that is itself inside its transaction (an Idempotency-Key makes the request
/// one transaction). When the cache expired under a burst, the other requests used to wait for that reload holding their
/// connections: with the pool held by them, the reload could not get one, and every request stalled for the pool's
/// timeout and failed. Now they take the value of a few seconds ago.
/// </summary>
[NonParallelizable]
public class SettingsReloadTests
{
    private const int Burst = 16;

    [Test]
    public async Task ABurstOfKeyedCreates_WhenTheSettingsCacheHasExpired_DoesNotHoldThePoolAgainstItsOwnReload()
    {
        var database = await OwnCluster.CreateDatabaseAsync("resilience_reload");
        var connectionString = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 4, Timeout = 5, ApplicationName = "customercare-api" }.ConnectionString;
        await using var api = new ApiProcess(connectionString, new Dictionary<string, string>
        {
            ["CustomerCare__Sla__ScanInterval"] = "00:00:00",
            ["CustomerCare__Webhooks__DispatchInterval"] = "00:00:00",
            ["CustomerCare__Notifications__DispatchInterval"] = "00:00:00",
            ["CustomerCare__Surveys__CampaignInterval"] = "00:00:00",
        });
        await api.StartAsync();
        using var admin = await api.AdminAsync(TimeSpan.FromSeconds(60));
        var log = new LoadLog();
        HttpRequestMessage Create(int i) => new(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = JsonContent.Create(Complaints.New(i)),
            Headers = { { "Idempotency-Key", $"reload-{Guid.NewGuid():N}" } },
        };

        // The caches filled, then left to expire (they keep their values ten seconds).
        var first = await log.SendAsync(admin, "warm-up", Create(0));
        Assert.That(first.Status, Is.EqualTo(201), first.Body);
        await Task.Delay(TimeSpan.FromSeconds(11));

        await Task.WhenAll(Enumerable.Range(1, Burst).Select(i => log.SendAsync(admin, "create", Create(i))));
        var outcomes = log.Outcomes.Where(o => o.Kind == "create").ToList();
        TestContext.Out.WriteLine($"pool of 4, {Burst} keyed creates at an expired cache: {log.Summary()}; slowest {outcomes.Max(o => o.Elapsed).TotalSeconds:F1} s");

        Assert.That(outcomes.Where(o => o.Status != 201).Select(o => $"{o.Status} after {o.Elapsed.TotalSeconds:F1} s: {o.Body}"), Is.Empty,
            "every create succeeded: none stalled for the pool behind the reload");
    }
}
