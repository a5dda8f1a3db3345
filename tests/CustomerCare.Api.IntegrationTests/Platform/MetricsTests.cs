using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using CustomerCare.Api.Infrastructure.Telemetry;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;
using CustomerCare.Infrastructure.Diagnostics;
using CustomerCare.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The Prometheus scrape endpoint answers loopback and the configured networks only (404 to everyone else, as if there
/// were no such path), and its business counters equal what was done: complaints received and transitions counted once
/// their events are fanned out (committed), idempotent replays, sign-in failures and lockouts.
/// </summary>
public sealed partial class MetricsTests : AdminIntegrationTest
{
    private static WebApplicationFactory<Program> From(string address, params (string Key, string Value)[] settings) =>
        Testing.Factory.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FixedRemoteAddress(IPAddress.Parse(address))));
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Sample();

    /// <summary>The values of a metric's samples whose labels include every one given.</summary>
    private static IEnumerable<double> Values(string exposition, string name, params (string Label, string Value)[] labels) =>
        Sample().Matches(exposition)
            .Where(m => m.Groups["name"].Value == name
                && labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static double Sum(string exposition, string name, params (string Label, string Value)[] labels) => Values(exposition, name, labels).Sum();

    /// <summary>The largest value (NaN when there is none): every test host in this process reports the same gauges.</summary>
    private static double Max(string exposition, string name, params (string Label, string Value)[] labels) =>
        Values(exposition, name, labels).DefaultIfEmpty(double.NaN).Max();

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until the condition holds (the exporter keeps a scrape for a moment; counters are added after commit).</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var text = await ScrapeAsync(client);
            if (condition(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }

    [Test]
    public async Task Metrics_AnswerLoopbackAndListedNetworks_AndNobodyElse()
    {
        await using var local = From("127.0.0.1");
        await using var outside = From("203.0.113.5");
        await using var listed = From("203.0.113.5", ("CustomerCare:Metrics:AllowedNetworks:0", "203.0.113.0/24"));
        using var localClient = local.CreateClient();
        using var outsideClient = outside.CreateClient();
        using var listedClient = listed.CreateClient();

        (await localClient.GetAsync("/health/live")).EnsureSuccessStatusCode();
        var text = await ScrapeUntilAsync(localClient, t => t.Contains("http_server_request_duration_seconds", StringComparison.Ordinal));
        var refused = await outsideClient.GetAsync("/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("# TYPE "), "Prometheus text format");
            Assert.That(text, Does.Contain("http_server_request_duration_seconds"), "ASP.NET Core's own instruments");
            Assert.That(text, Does.Contain("dotnet_gc_"), "the runtime's");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
        await ScrapeAsync(listedClient);
    }

    [Test]
    public async Task SwitchedOff_NothingIsServed_EvenToLoopback()
    {
        await using var off = From("127.0.0.1", ("CustomerCare:Metrics:Enabled", "false"));
        using var client = off.CreateClient();

        Assert.That((await client.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task WithAPortOfItsOwn_ThatPortAnswersTheScrapeAndNothingElse_AndTheApisPortNoScrape()
    {
        await using var onItsPort = Testing.Factory.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FixedRemoteAddress(IPAddress.Parse("203.0.113.5"), localPort: 9464)));
            b.UseSetting("CustomerCare:Metrics:Port", "9464");
        });
        await using var onTheApisPort = Testing.Factory.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FixedRemoteAddress(IPAddress.Loopback, localPort: 8080)));
            b.UseSetting("CustomerCare:Metrics:Port", "9464");
        });
        using var metricsPort = onItsPort.CreateClient();
        using var apiPort = onTheApisPort.CreateClient();

        var scrape = await metricsPort.GetAsync("/metrics");
        var apiOnMetricsPort = await metricsPort.GetAsync("/health/live");
        var scrapeOnApiPort = await apiPort.GetAsync("/metrics");
        var api = await apiPort.GetAsync("/health/live");

        Assert.Multiple(() =>
        {
            Assert.That(scrape.StatusCode, Is.EqualTo(HttpStatusCode.OK), "to anyone reaching the metrics port");
            Assert.That(apiOnMetricsPort.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the API is not served on the metrics port");
            Assert.That(scrapeOnApiPort.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not even to loopback on the API's port");
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public void WithAPortOfItsOwn_TheScrapeIsAnsweredThereOnly_AndNetworksMustBeCidr()
    {
        var options = new MetricsOptions { Port = 9464 };
        var onItsPort = new DefaultHttpContext();
        onItsPort.Connection.LocalPort = 9464;
        onItsPort.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
        var onTheApisPort = new DefaultHttpContext();
        onTheApisPort.Connection.LocalPort = 8080;
        onTheApisPort.Connection.RemoteIpAddress = IPAddress.Loopback;
        var mappedLoopback = new DefaultHttpContext();
        mappedLoopback.Connection.RemoteIpAddress = IPAddress.Loopback.MapToIPv6();

        Assert.Multiple(() =>
        {
            Assert.That(options.Allows(onItsPort), Is.True);
            Assert.That(options.Allows(onTheApisPort), Is.False);
            Assert.That(new MetricsOptions().Allows(mappedLoopback), Is.True, "IPv4 loopback seen through a dual-stack socket");
            Assert.That(new MetricsOptions { AllowedNetworks = ["10.0.0.0/8", "fd00::/8"] }.IsValid(), Is.True);
            Assert.That(new MetricsOptions { AllowedNetworks = ["10.0.0.0/33"] }.IsValid(), Is.False);
            Assert.That(new MetricsOptions { AllowedNetworks = ["the office"] }.IsValid(), Is.False);
            Assert.That(new MetricsOptions { Port = 70000 }.IsValid(), Is.False);
        });
    }

    /// <summary>
    /// The Prometheus names of the API's instruments (OpenTelemetry's exporter: dots to underscores, a unit suffix for
    /// seconds, <c>_total</c> for counters), as published by the meter itself.
    /// </summary>
    private static HashSet<string> ExportedNames()
    {
        _ = Testing.Factory.Services.GetRequiredService<CustomerCareMetrics>();
        var names = new HashSet<string>(StringComparer.Ordinal) { "http_server_request_duration_seconds" };
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name != CustomerCareMetrics.MeterName)
                {
                    return;
                }

                var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
                names.Add(instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal) ? name + "_total" : name);
            },
        };
        listener.Start();
        return names;
    }

    [Test]
    public void EveryMetricTheDashboardAndTheAlertRulesName_IsOneTheApiExports()
    {
        var exported = ExportedNames();
        var deploy = Path.Combine(RepositoryRoot.Find(), "deploy");
        var named = new[] { Path.Combine(deploy, "grafana", "customercare.json"), Path.Combine(deploy, "prometheus", "alerts.yml") }
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\b(?:customercare|http_server)_[a-z_]+\b").Select(m => m.Value))
            .Select(name => Regex.Replace(name, "_(bucket|count|sum)$", ""))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(exported, Has.Count.GreaterThanOrEqualTo(15), string.Join(", ", exported));
            Assert.That(named.Except(exported), Is.Empty, $"exported: {string.Join(", ", exported.Order())}");
            Assert.That(named, Has.Count.GreaterThanOrEqualTo(14), "the dashboard shows nearly every instrument");
        });
    }

    [Test]
    public async Task ReceivedComplaintsAndTransitions_AreCountedOnceCommittedAndFannedOut()
    {
        await using var host = From("127.0.0.1");
        using var scraper = host.CreateClient();
        await Dispatch.UntilSettledAsync(); // what earlier tests left is counted before the baseline
        var before = await ScrapeAsync(scraper);
        double Received(string text) => Sum(text, "customercare_complaints_received_total", ("channel", "phone"), ("source", "staff"));
        double Registered(string text) => Sum(text, "customercare_complaints_transitions_total", ("action", "registered"));

        var api = new ComplaintApi(Admin);
        var first = (await api.ReceiveAsync()).GetProperty("id").GetGuid();
        await api.ReceiveAsync(ComplaintApi.NewComplaint(phone: "138 0013 8001"));
        await api.ReceiveAsync(ComplaintApi.NewComplaint(phone: "138 0013 8002"));
        await api.DoAsync(first, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        var beforeFanOut = await ScrapeAsync(scraper);
        await Dispatch.UntilSettledAsync();
        var after = await ScrapeUntilAsync(scraper, t => Received(t) - Received(before) >= 3 && Registered(t) - Registered(before) >= 1);

        Assert.Multiple(() =>
        {
            Assert.That(Received(beforeFanOut) - Received(before), Is.Zero, "counted when the outbox fans the committed event out");
            Assert.That(Received(after) - Received(before), Is.EqualTo(3));
            Assert.That(Registered(after) - Registered(before), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TheGauges_ShowWhatWaitsAndForHowLong_WhatIsOpenByStatus_AndThatTheDatabaseAnswers()
    {
        await using var host = From("127.0.0.1", ("CustomerCare:Metrics:GaugeInterval", "00:00:00.200"), ("CustomerCare:Metrics:OpenComplaintsInterval", "00:00:00.200"));
        using var scraper = host.CreateClient();
        await new ComplaintApi(Admin).ReceiveAsync(ComplaintApi.NewComplaint(phone: "138 0013 8004")); // its event waits: dispatch is by hand in tests

        var text = await ScrapeUntilAsync(scraper, t => Max(t, "customercare_queue_backlog", ("queue", "outbox")) >= 1
            && Max(t, "customercare_queue_lag_seconds", ("queue", "outbox")) > 0
            && Max(t, "customercare_complaints_open", ("status", "received")) >= 1);
        var statuses = Sample().Matches(text).Where(m => m.Groups["name"].Value == "customercare_complaints_open")
            .Select(m => Regex.Match(m.Groups["labels"].Value, "status=\"([a-z]+)\"").Groups[1].Value).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(Max(text, "customercare_queue_backlog", ("queue", "outbox")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Max(text, "customercare_queue_lag_seconds", ("queue", "outbox")), Is.GreaterThan(0));
            Assert.That(Max(text, "customercare_queue_backlog", ("queue", "webhooks")), Is.GreaterThanOrEqualTo(0));
            Assert.That(Max(text, "customercare_database_ready"), Is.EqualTo(1));
            Assert.That(Max(text, "customercare_complaints_open", ("status", "received")), Is.GreaterThanOrEqualTo(1), "the complaint just received");
            Assert.That(statuses, Is.EquivalentTo(new[] { "received", "registered", "investigated", "solution", "resolved" }), "every open status, none closed");
        });
        await Dispatch.UntilSettledAsync();
    }

    [Test]
    public async Task ReplaysSignInFailuresAndLockouts_AreCounted()
    {
        await using var host = From("127.0.0.1");
        using var scraper = host.CreateClient();
        using var client = host.CreateClient();
        var before = await ScrapeAsync(scraper);

        var key = Guid.NewGuid().ToString();
        var complaint = ComplaintApi.NewComplaint(phone: "138 0013 8003");
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(complaint) };
            request.Headers.Add("Idempotency-Key", key);
            (await Admin.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var (_, email) = await ApiClient.CreateStaffAsync("agent");
        for (var i = 0; i < 5; i++)
        {
            await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-Passw0rd-x" })).AssertStatusAsync(HttpStatusCode.Unauthorized);
        }

        var after = await ScrapeUntilAsync(scraper, t => Sum(t, "customercare_sign_in_lockouts_total") > Sum(before, "customercare_sign_in_lockouts_total"));

        Assert.Multiple(() =>
        {
            Assert.That(Sum(after, "customercare_idempotency_replays_total") - Sum(before, "customercare_idempotency_replays_total"), Is.EqualTo(1));
            Assert.That(Sum(after, "customercare_sign_in_failures_total", ("kind", "sign_in")) - Sum(before, "customercare_sign_in_failures_total", ("kind", "sign_in")),
                Is.EqualTo(5));
            Assert.That(Sum(after, "customercare_sign_in_lockouts_total", ("scope", "account")) - Sum(before, "customercare_sign_in_lockouts_total", ("scope", "account")),
                Is.EqualTo(1), "the fifth wrong password locks the account (the address is not locked: 5 of its 20)");
            Assert.That(after, Does.Not.Contain(email), "no personal data in a label");
        });
    }
}
