using System.Net.Http.Json;
using CustomerCare.Resilience.Tests.Infrastructure;

namespace CustomerCare.Resilience.Tests.Faults;

/// <summary>
/// The API process is killed (SIGKILL) while clients create complaints and the outbox has events waiting, then started
/// again. No complaint is half written (each stored one has its history, SLA clocks and event), every acknowledged one
/// is stored, and the events of every committed complaint are delivered after the restart.
/// </summary>
[NonParallelizable]
public class ApiKillTests
{
    [Test]
    public async Task ApiKilledUnderLoad_LeavesNoHalfWrittenComplaint_AndDeliversEveryCommittedEventAfterTheRestart()
    {
        var connectionString = await OwnCluster.CreateDatabaseAsync("resilience_kill");
        await using var receiver = new WebhookReceiver();
        var settings = new Dictionary<string, string>
        {
            // A slow dispatcher, so that events are still waiting in the outbox when the process dies.
            ["CustomerCare__Webhooks__DispatchInterval"] = "00:00:02",
            ["CustomerCare__Sla__ScanInterval"] = "00:00:00",
        };
        var first = new ApiProcess(connectionString, settings);
        await first.StartAsync();
        using (var admin = await first.AdminAsync())
        {
            (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.received" }, description = "Kill test" }))
                .EnsureSuccessStatusCode();
        }

        var log = new LoadLog();
        using var stop = new CancellationTokenSource();
        using var client = await first.AdminAsync(TimeSpan.FromSeconds(15));
        var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var i = worker * 1_000_000; !stop.IsCancellationRequested; i++)
            {
                var outcome = await log.SendAsync(client, "create",
                    new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(Complaints.New(i)) });
                if (outcome.Status == 0)
                {
                    await Task.Delay(50); // the process is gone: do not spin
                }
            }
        })).ToArray();

        // Kill once complaints are being acknowledged and their events are passing through the outbox, however slowly a
        // busy machine gets there.
        await LoadLog.UntilAsync(() => log.Outcomes.Count(o => o.Acknowledged) >= 40, TimeSpan.FromSeconds(60));
        var waitingAtKill = await Database.ScalarAsync<long>(connectionString, "SELECT count(*) FROM outbox_messages WHERE fanned_out_at IS NULL");
        await first.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        await using var second = new ApiProcess(connectionString, settings);
        await second.StartAsync();

        var committed = await Database.IdsAsync(connectionString, "SELECT id FROM complaints");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !committed.IsSubsetOf(receiver.Deliveries.Select(d => d.ComplaintId)))
        {
            await Task.Delay(250);
        }

        var outcomes = log.Outcomes.ToList();
        var acknowledged = outcomes.Where(o => o.Status == 201).Select(o => o.Id!.Value).ToList();
        var lost = await Database.MissingAsync(connectionString, "SELECT id FROM complaints WHERE id = ANY($1)", acknowledged);
        var delivered = receiver.Deliveries.Select(d => d.ComplaintId).ToHashSet();
        var halfWritten = await Database.ScalarAsync<long>(connectionString, """
            SELECT count(*) FROM complaints c
            WHERE NOT EXISTS (SELECT 1 FROM complaint_timeline t WHERE t.complaint_id = c.id AND t.kind = 'Received')
               OR NOT EXISTS (SELECT 1 FROM complaint_sla_clocks s WHERE s.complaint_id = c.id)
               OR NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.complaint_id = c.id AND m.event_type = 'complaint.received')
            """);

        TestContext.Out.WriteLine(
            $"API killed: {outcomes.Count} requests sent, {acknowledged.Count} acknowledged, {outcomes.Count(o => o.Status == 0)} cut off, " +
            $"{lost.Count} acknowledged but lost; {committed.Count} complaints committed ({committed.Count - acknowledged.Count} without an answer), " +
            $"{waitingAtKill} events waiting in the outbox at the kill, {delivered.Count} complaints' events delivered " +
            $"({receiver.Deliveries.Count} deliveries). {log.Summary()}");

        Assert.Multiple(() =>
        {
            Assert.That(acknowledged, Is.Not.Empty, "the load ran");
            Assert.That(outcomes.Where(o => o.Status is not (0 or 201)).Select(o => $"{o.Status}: {o.Body}"), Is.Empty,
                "requests succeeded or were cut off with the process");
            Assert.That(lost, Is.Empty, "every acknowledged complaint is stored");
            Assert.That(halfWritten, Is.Zero, "every stored complaint has its history, its clocks and its event");
            Assert.That(committed.Except(delivered), Is.Empty, "every committed complaint's event was delivered after the restart");
        });
    }
}
