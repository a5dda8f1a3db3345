using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Sla;
using CustomerCare.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// A real Prometheus (Debian's, which scripts/test.sh installs) scrapes the API listening on loopback every second; after
/// complaints are received, one is registered and the other two breach their registration target, its HTTP API answers
/// the business counters grown by exactly that.
/// </summary>
public sealed class PrometheusScrapeTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The value of an instant query that sums to one number (0 while no such series exists).</summary>
    private static async Task<double?> QueryAsync(HttpClient prometheus, string query)
    {
        using var response = await prometheus.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private static async Task<double> WaitForAsync(HttpClient prometheus, string query, Func<double, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        double? value = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                value = await QueryAsync(prometheus, query);
            }
            catch (HttpRequestException)
            {
                value = null; // not listening yet
            }

            if (value is { } v && condition(v))
            {
                return v;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{what}: {query} answered {value?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} after 90 s.");
        return double.NaN;
    }

    [Test]
    public async Task Prometheus_ScrapesTheApi_AndTheCountersEqualWhatWasDone()
    {
        var binary = Environment.GetEnvironmentVariable("PROMETHEUS_PATH") ?? "/usr/bin/prometheus";
        Assert.That(File.Exists(binary), Is.True, $"Prometheus is not at {binary}: scripts/test.sh installs Debian's prometheus package.");
        await Testing.ResetDatabaseAsync();
        await using var api = LoopbackBrowser.StartApi();
        var directory = Directory.CreateTempSubdirectory("customercare-prometheus-");
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: customercare
                metrics_path: /metrics
                static_configs:
                  - targets: ['{new Uri(api.BaseUrl).Authority}']
            """);
        using var server = Process.Start(new ProcessStartInfo(binary,
        [
            $"--config.file={Path.Combine(directory.FullName, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var prometheus = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));
            async Task FanOutAsync()
            {
                await using var scope = api.Server.Services.CreateAsyncScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<WebhookDispatcher>();
                while ((await dispatcher.RunOnceAsync(CancellationToken.None)).FannedOut > 0)
                {
                }
            }

            async Task<int> ScanAsync()
            {
                await using var scope = api.Server.Services.CreateAsyncScope();
                return (await scope.ServiceProvider.GetRequiredService<SlaScanner>().ScanOnceAsync(CancellationToken.None)).Breaches;
            }

            await ApiClient.BreachUnregisteredComplaintsAfterAsync(client, "PT3S");
            const string received = """sum(customercare_complaints_received_total{channel="phone",source="staff"}) or vector(0)""";
            const string registered = """sum(customercare_complaints_transitions_total{action="registered"}) or vector(0)""";
            const string breached = """sum(customercare_sla_breaches_total{milestone="registered",severity="general"}) or vector(0)""";
            await FanOutAsync(); // what earlier tests left
            await WaitForAsync(prometheus, """up{job="customercare"}""", v => v == 1, "the API is scraped");
            var fannedOut = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            // A scrape that began after that fan-out, however late a busy machine makes it (and a second later than that: the
            // exporter answers a scrape from its cache for 300 ms).
            await WaitForAsync(prometheus, """timestamp(up{job="customercare"})""", t => t > fannedOut + 1, "a scrape after the fan-out");
            var receivedBefore = (await QueryAsync(prometheus, received))!.Value;
            var registeredBefore = (await QueryAsync(prometheus, registered))!.Value;
            var breachedBefore = (await QueryAsync(prometheus, breached))!.Value;

            var complaints = new ComplaintApi(client);
            var first = (await complaints.ReceiveAsync(ComplaintApi.NewComplaint(phone: "138 0013 8011"))).GetProperty("id").GetGuid();
            await complaints.ReceiveAsync(ComplaintApi.NewComplaint(phone: "138 0013 8012"));
            await complaints.ReceiveAsync(ComplaintApi.NewComplaint(phone: "138 0013 8013"));
            await complaints.DoAsync(first, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
            // The other two are left received past their three seconds (general is the severity until registration says otherwise).
            var breaches = 0;
            for (var deadline = DateTime.UtcNow.AddSeconds(60); breaches < 2 && DateTime.UtcNow < deadline; await Task.Delay(500))
            {
                breaches += await ScanAsync();
            }

            Assert.That(breaches, Is.EqualTo(2), "the two complaints left received breach their registration target");
            await FanOutAsync();

            var receivedAfter = await WaitForAsync(prometheus, received, v => v >= receivedBefore + 3, "three complaints received");
            var registeredAfter = await WaitForAsync(prometheus, registered, v => v >= registeredBefore + 1, "one registered");
            var breachedAfter = await WaitForAsync(prometheus, breached, v => v >= breachedBefore + 2, "two breached");
            await Task.Delay(TimeSpan.FromSeconds(2.5)); // and nothing more than that in the next scrapes
            Assert.Multiple(async () =>
            {
                Assert.That(receivedAfter - receivedBefore, Is.EqualTo(3));
                Assert.That(registeredAfter - registeredBefore, Is.EqualTo(1));
                Assert.That(breachedAfter - breachedBefore, Is.EqualTo(2));
                Assert.That(await QueryAsync(prometheus, breached), Is.EqualTo(breachedAfter));
                Assert.That(await QueryAsync(prometheus, received), Is.EqualTo(receivedAfter));
            });
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            directory.Delete(recursive: true);
        }
    }
}
