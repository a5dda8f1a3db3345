using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>
/// Reports on a real streaming replica: <c>scripts/db.sh replica start</c> takes a base backup of the test cluster and
/// streams from it; the API, pointed at it by <c>ConnectionStrings:CustomerCareReports</c>, runs its report queries
/// (and its complaint ledger export) there once it has replayed what was written, and on the primary (with a warning)
/// while it lags or is down.
/// </summary>
[NonParallelizable]
public class ReportReplicaTests : AdminIntegrationTest
{
    /// <summary>A port the replica takes for this run: free now (another suite's cluster may sit on the cluster's port + 1).</summary>
    private static readonly int ReplicaPort = FreePort();

    private string _replica = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    private static string Db(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Find(), "scripts", "db.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ConnectionStrings__CustomerCare");
        start.Environment["CUSTOMERCARE_DB_REPLICA_PORT"] = ReplicaPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"scripts/db.sh {string.Join(' ', args)}: {errors.Result}");
        return output.Result.Trim();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [SetUp]
    public void StartReplica()
    {
        var cluster = new NpgsqlConnectionStringBuilder(Db("conn", "customercare_test"));
        var tests = new NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString);
        if (cluster.Port != tests.Port || cluster.Host != tests.Host)
        {
            Assert.Ignore("The tests run on a database of their own (CUSTOMERCARE_TEST_CONNECTION): the replica is made of the checkout's cluster.");
        }

        Db("replica", "start");
        _replica = Db("replica", "conn", tests.Database!);
        _host = Testing.Factory.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:CustomerCareReports", _replica)
            .UseSetting("CustomerCare:Reports:Replica:MaxLag", "00:00:01")
            .UseSetting("CustomerCare:Reports:Replica:CheckInterval", "00:00:00"));
        _client = _host.CreateClient();
        _client.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
    }

    [TearDown]
    public async Task StopReplicaAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_replica is not null)
        {
            Db("replica", "stop"); // a paused replica too: replay pauses do not outlive a restart
            // The next test's replica has the same address: it must not be handed this one's dead pooled connections.
            await using var replica = new NpgsqlConnection(_replica);
            NpgsqlConnection.ClearPool(replica);
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until the replica has replayed everything the primary has written so far.</summary>
    private async Task CaughtUpAsync()
    {
        var written = await ScalarAsync<string>(Testing.Database.ConnectionString, "SELECT pg_current_wal_lsn()::text");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await ScalarAsync<bool>(_replica, $"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn"))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the replica did not replay the primary's writes within a minute");
            await Task.Delay(50);
        }
    }

    private async Task<int> ReportedComplaintsAsync()
    {
        var response = await _client.GetAsync("/api/v1/reports/complaints/summary");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("total").GetProperty("count").GetInt32();
    }

    private static Task<long> ReportSessionsAsync(string connectionString) => ScalarAsync<long>(connectionString,
        $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ReportReplica.ApplicationName}' AND datname = current_database()");

    [Test]
    public async Task Reports_RunOnTheReplicaOnceItHasReplayedTheWrites_AndOnThePrimaryWhileItLagsOrIsDown()
    {
        var complaints = new ComplaintApi(_client);
        for (var i = 0; i < 3; i++)
        {
            await complaints.ReceiveAsync(ComplaintApi.NewComplaint($"投诉 {i}", $"139 0000 000{i}"));
        }

        await CaughtUpAsync();
        TestLogs.Clear();
        using var csv = new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints");
        csv.Headers.Accept.ParseAdd("text/csv");
        var ledger = await (await _client.SendAsync(csv)).Content.ReadAsStringAsync();
        var ledgerSessions = await ReportSessionsAsync(_replica);
        var onReplica = await ReportedComplaintsAsync();
        var replicaSessions = await ReportSessionsAsync(_replica);
        var primarySessions = await ReportSessionsAsync(Testing.Database.ConnectionString);
        var fellBackWhileFresh = TestLogs.Lines.Any(l => l.Message.StartsWith("Reports fall back", StringComparison.Ordinal));

        Db("replica", "pause");
        await complaints.ReceiveAsync(ComplaintApi.NewComplaint("投诉 3", "139 0000 0003"));
        await Task.Delay(TimeSpan.FromSeconds(2)); // past MaxLag (1 s): the paused replica has not replayed it
        TestLogs.Clear();
        var whileLagging = await ReportedComplaintsAsync();
        var lagLine = TestLogs.Lines.FirstOrDefault(l => l.Message.StartsWith("Reports fall back", StringComparison.Ordinal));

        Db("replica", "resume");
        Db("replica", "stop");
        TestLogs.Clear();
        var whileDown = await ReportedComplaintsAsync();
        var downLine = TestLogs.Lines.FirstOrDefault(l => l.Message.StartsWith("Reports fall back", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(ledger.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4), "the ledger export: a header and the three complaints");
            Assert.That(ledgerSessions, Is.GreaterThan(0), "the export read them on the replica");
            Assert.That(onReplica, Is.EqualTo(3), "the replica has the three complaints");
            Assert.That(replicaSessions, Is.GreaterThan(0), "the report's session is on the replica");
            Assert.That(primarySessions, Is.Zero, "and not on the primary");
            Assert.That(fellBackWhileFresh, Is.False);
            Assert.That(whileLagging, Is.EqualTo(4), "a lagging replica: the report comes from the primary, with the newest complaint");
            Assert.That(lagLine?.Message, Does.Contain("lags the primary"));
            Assert.That(lagLine?.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
            Assert.That(whileDown, Is.EqualTo(4), "a stopped replica: the report still answers, from the primary");
            Assert.That(downLine?.Message, Does.Contain("unreachable"));
        });
    }

    [Test]
    public async Task AStandbyJustBehind_WhoseLastReplayedChangeSaysNothing_IsGivenAMomentToReplay_AndReportsStayOnIt()
    {
        // MaxLag zero: the time of the replica's last replayed change never vouches for it (as after an idle primary, or
        // right after the standby started, when it has none): only replaying the primary's latest writes does.
        await using var host = _host.WithWebHostBuilder(b => b
            .UseSetting("CustomerCare:Reports:Replica:MaxLag", "00:00:00")
            .UseSetting("CustomerCare:Reports:Replica:ReplayWait", "00:00:30"));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        await new ComplaintApi(client).ReceiveAsync(ComplaintApi.NewComplaint("投诉 甲", "139 0000 0010"));
        await CaughtUpAsync();

        Db("replica", "pause");
        await new ComplaintApi(client).ReceiveAsync(ComplaintApi.NewComplaint("投诉 乙", "139 0000 0011"));
        TestLogs.Clear();
        var report = client.GetAsync("/api/v1/reports/complaints/summary");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the report's check waits on the paused replica
        Db("replica", "resume");
        var response = await report;
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var count = (await response.ReadJsonAsync()).GetProperty("total").GetProperty("count").GetInt32();

        Assert.Multiple(async () =>
        {
            Assert.That(TestLogs.Lines.Where(l => l.Message.StartsWith("Reports fall back", StringComparison.Ordinal)).Select(l => l.Message), Is.Empty,
                "a replica milliseconds behind is not lagging");
            Assert.That(count, Is.EqualTo(2), "the report has the complaint written just before it");
            Assert.That(await ReportSessionsAsync(_replica), Is.GreaterThan(0), "and ran on the replica");
            Assert.That(await ReportSessionsAsync(Testing.Database.ConnectionString), Is.Zero, "not on the primary");
        });
    }
}
