using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// Two API processes (the built CustomerCare.Api.dll, as a deployment runs it) against one database, both with their SLA
/// scanner and webhook dispatcher running every few hundred milliseconds, while complaints are created through both at
/// once. Every complaint misses its (three-second) registration target: each breach must be recorded once, escalate
/// once, and reach the webhook receiver once, whichever replica got there first.
/// </summary>
[NonParallelizable]
public class TwoReplicasTests
{
    private const int Complaints = 120;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/Api/bin/&lt;configuration&gt;/net10.0/CustomerCare.Api.dll of the configuration these tests were built in.</summary>
    private static string ApiAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Find(), "src", "Api", "bin", framework.Parent!.Name, framework.Name, "CustomerCare.Api.dll");
        Assert.That(File.Exists(path), Is.True, $"{path} is not built");
        return path;
    }

    private static Process StartReplica(int port)
    {
        var start = new ProcessStartInfo("dotnet", [ApiAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__CustomerCare"] = Testing.Database.ConnectionString,
            ["CustomerCare__Database__MigrateOnStartup"] = "false",
            ["CustomerCare__Bootstrap__AdminEmail"] = CustomerCareApiFactory.AdminEmail,
            ["CustomerCare__Bootstrap__AdminPassword"] = CustomerCareApiFactory.AdminPassword,
            ["CustomerCare__Auth__SigningKey"] = Convert.ToBase64String(CustomerCareApiFactory.SigningKey),
            ["CustomerCare__Auth__Issuer"] = CustomerCareApiFactory.Issuer,
            ["CustomerCare__Auth__Audience"] = CustomerCareApiFactory.Audience,
            ["CustomerCare__PersonalData__KeyDirectory"] = CustomerCareApiFactory.KeyDirectory,
            ["CustomerCare__Sla__ScanInterval"] = "00:00:00.200",
            ["CustomerCare__Webhooks__DispatchInterval"] = "00:00:00.100",
            ["CustomerCare__Webhooks__AllowHttp"] = "true",
            ["CustomerCare__Webhooks__AllowPrivateNetworks"] = "true",
            ["CustomerCare__Surveys__CampaignInterval"] = "00:00:00",
            ["CustomerCare__Limits__User__PermitLimit"] = "1000000",
            ["CustomerCare__Limits__Anonymous__PermitLimit"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process process)
    {
        for (var i = 0; i < 120; i++)
        {
            Assert.That(process.HasExited, Is.False, "a replica exited at start-up");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        Assert.Fail("a replica did not become ready in 30 s");
    }

    private static async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"timed out waiting for {what}");
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task TwoReplicasUnderLoad_RecordEachBreachOnce_AndDeliverEachEventOnce()
    {
        await Testing.ResetDatabaseAsync();
        using var admin = await ApiClient.AsAdminAsync();
        await ApiClient.BreachUnregisteredComplaintsAfterAsync(admin, "PT3S");

        // The receiver: every delivery, by its webhook-id, with the event it carries.
        var receiverPort = FreePort();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{receiverPort}/hooks/");
        receiver.Start();
        var deliveries = new ConcurrentBag<(string DeliveryId, string EventId, string Type, string ComplaintId)>();
        using var stopReceiving = new CancellationTokenSource();
        var receiving = Task.Run(async () =>
        {
            while (!stopReceiving.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await receiver.GetContextAsync().WaitAsync(stopReceiving.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
                deliveries.Add((context.Request.Headers["webhook-id"] ?? string.Empty, body.GetProperty("id").GetString()!,
                    body.GetProperty("type").GetString()!, body.GetProperty("data").GetProperty("complaintId").GetString()!));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });
        (await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url = $"http://127.0.0.1:{receiverPort}/hooks/",
            eventTypes = new[] { "complaint.received", "complaint.slaBreached" },
            description = "Two replicas",
        })).EnsureSuccessStatusCode();

        var ports = new[] { FreePort(), FreePort() };
        var replicas = ports.Select(StartReplica).ToArray();
        var clients = ports.Select(p => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{p}") }).ToArray();
        try
        {
            for (var i = 0; i < replicas.Length; i++)
            {
                await WaitReadyAsync(clients[i], replicas[i]);
                clients[i].DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            }

            // The load: complaints created through both replicas at once, eight at a time.
            var created = new ConcurrentBag<Guid>();
            await Parallel.ForEachAsync(Enumerable.Range(0, Complaints), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var response = await clients[i % 2].PostAsJsonAsync("/api/v1/complaints",
                    ComplaintApi.NewComplaint($"Replica load {i}", $"+86 139 {i:D4} {i * 7 % 10000:D4}"), ct);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync(ct));
                created.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid());
            });

            await UntilAsync(async () => await CountAsync("SELECT count(*) FROM complaint_timeline WHERE kind = 'SlaBreached'") >= Complaints,
                "every registration breach to be recorded");
            await UntilAsync(() => Task.FromResult(deliveries.Count(d => d.Type == "complaint.slaBreached") >= Complaints), "every breach to be delivered");
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up, were there one

            var breaches = deliveries.Where(d => d.Type == "complaint.slaBreached").ToList();
            Assert.Multiple(async () =>
            {
                Assert.That(created, Has.Count.EqualTo(Complaints));
                Assert.That(await CountAsync("SELECT count(*) FROM complaint_timeline WHERE kind = 'SlaBreached'"), Is.EqualTo(Complaints),
                    "one breach entry per complaint");
                Assert.That(await CountAsync("SELECT count(*) FROM complaints WHERE escalation_level <> 1"), Is.Zero, "each escalated exactly once");
                Assert.That(await CountAsync("SELECT count(*) FROM complaint_sla_clocks WHERE milestone = 'Registered' AND breached_at IS NULL"), Is.Zero);
                Assert.That(breaches.Select(b => b.ComplaintId).Distinct().Count(), Is.EqualTo(Complaints), "a breach event for every complaint");
                Assert.That(breaches, Has.Count.EqualTo(Complaints), "and none twice");
                Assert.That(deliveries.Select(d => d.DeliveryId).Distinct().Count(), Is.EqualTo(deliveries.Count), "no delivery arrived twice");
                Assert.That(deliveries.Count(d => d.Type == "complaint.received"), Is.EqualTo(Complaints));
                Assert.That(replicas.All(r => !r.HasExited), Is.True, "both replicas kept running");
            });
        }
        finally
        {
            foreach (var replica in replicas)
            {
                if (!replica.HasExited)
                {
                    replica.Kill(entireProcessTree: true);
                    await replica.WaitForExitAsync();
                }

                replica.Dispose();
            }

            foreach (var client in clients)
            {
                client.Dispose();
            }

            await stopReceiving.CancelAsync();
            receiver.Stop();
            await receiving;
        }
    }
}
