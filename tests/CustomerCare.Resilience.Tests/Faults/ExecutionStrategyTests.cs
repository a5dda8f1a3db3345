using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Resilience.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Resilience.Tests.Faults;

/// <summary>
/// EF Core's retrying execution strategy with our explicit transactions: a connection that breaks in the middle of a
/// unit of work (after some of its statements ran, or just before the commit) rolls the transaction back and runs the
/// whole unit again, once, with its side effects (history entries, SLA clocks, outbox events) written exactly once.
/// </summary>
[NonParallelizable]
public class ExecutionStrategyTests
{
    private static string _connectionString = string.Empty;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _connectionString = await OwnCluster.CreateDatabaseAsync("resilience_strategy");

    [Test]
    public async Task ConnectionBreaksBetweenStatements_TheWholeCreateRunsAgain_AndIsStoredOnce()
    {
        var fault = new BreakOnce(command: "INSERT INTO complaint_timeline");
        await using var factory = new FaultyApi(_connectionString, fault);
        using var admin = await factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/complaints", Complaints.New(7));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Multiple(async () =>
        {
            Assert.That(fault.Broken, Is.True, "the fault struck");
            Assert.That(await CountAsync("SELECT count(*) FROM complaints WHERE id = $1", id), Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT count(*) FROM complaint_timeline WHERE complaint_id = $1", id), Is.EqualTo(1), "one history entry");
            Assert.That(await CountAsync("SELECT count(*) FROM outbox_messages WHERE complaint_id = $1", id), Is.EqualTo(1), "one event");
            Assert.That(await CountAsync("SELECT count(DISTINCT milestone) - count(*) FROM complaint_sla_clocks WHERE complaint_id = $1", id), Is.Zero,
                "one clock per milestone");
        });
    }

    [Test]
    public async Task ConnectionBreaksBeforeTheCommit_TheWholeTransitionRunsAgain_AndIsStoredOnce()
    {
        await using var setup = new FaultyApi(_connectionString, fault: null);
        using var setupAdmin = await setup.AdminAsync();
        var created = await setupAdmin.PostAsJsonAsync("/api/v1/complaints", Complaints.New(8));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var fault = new BreakOnce(command: null);
        await using var factory = new FaultyApi(_connectionString, fault);
        using var admin = await factory.AdminAsync();
        var response = await admin.SendAsync(Complaints.Register(id, created.Headers.ETag!.Tag));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(fault.Broken, Is.True, "the fault struck");
            Assert.That(await CountAsync("SELECT count(*) FROM complaints WHERE id = $1 AND status = 'Registered'", id), Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT count(*) FROM complaint_timeline WHERE complaint_id = $1 AND kind = 'Registered'", id), Is.EqualTo(1),
                "one history entry for the registration");
            Assert.That(await CountAsync("SELECT count(*) FROM outbox_messages WHERE complaint_id = $1 AND event_type = 'complaint.statusChanged'", id),
                Is.EqualTo(1), "one event");
        });
    }

    [Test]
    public async Task ACommandTimeout_IsNotRetried_AndAnswers503()
    {
        var fault = new BreakOnce(command: "INSERT INTO complaints", timeout: true);
        await using var factory = new FaultyApi(_connectionString, fault);
        using var admin = await factory.AdminAsync();
        var before = await CountAsync("SELECT count(*) FROM complaints");

        var response = await admin.PostAsJsonAsync("/api/v1/complaints", Complaints.New(9));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            Assert.That(fault.Attempts, Is.EqualTo(1), "a timeout is not run again");
            Assert.That(await CountAsync("SELECT count(*) FROM complaints"), Is.EqualTo(before), "nothing half stored");
        });
    }

    private static async Task<long> CountAsync(string sql, params object[] parameters) =>
        await Database.ScalarAsync<long>(_connectionString, sql, parameters);

    /// <summary>
    /// Breaks the connection once: on the first command whose text contains <c>command</c>, or at the first commit when
    /// no command is named. A broken connection is transient (an IOException beneath); a timeout is not retried.
    /// </summary>
    private sealed class BreakOnce(string? command, bool timeout = false) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private int _attempts;

        public bool Broken => _attempts > 0;

        public int Attempts => _attempts;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command1, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Strike(command1.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command1, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Strike(command1.CommandText);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (command is null && Interlocked.Increment(ref _attempts) == 1)
            {
                throw Failure();
            }

            return ValueTask.FromResult(result);
        }

        private void Strike(string text)
        {
            if (command is not null && text.Contains(command, StringComparison.Ordinal)
                && (Interlocked.Increment(ref _attempts) == 1 || timeout))
            {
                throw Failure();
            }
        }

        private NpgsqlException Failure() => timeout
            ? new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"))
            : new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer (injected)"));
    }

    private sealed class FaultyApi(string connectionString, BreakOnce? fault) : WebApplicationFactory<Program>
    {
        public async Task<HttpClient> AdminAsync()
        {
            var client = CreateClient();
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = ApiProcess.AdminEmail, password = ApiProcess.AdminPassword });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in ApiProcess.Settings(connectionString))
            {
                builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }

            builder.UseSetting("Logging:LogLevel:Default", "Critical"); // the faults below are logged as errors, by design
            builder.UseSetting("CustomerCare:Sla:ScanInterval", "00:00:00");
            builder.UseSetting("CustomerCare:Webhooks:DispatchInterval", "00:00:00");
            if (fault is not null)
            {
                builder.ConfigureTestServices(services =>
                    services.ConfigureDbContext<CustomerCareDbContext>((_, options) => options.AddInterceptors(fault)));
            }
        }
    }
}
