using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Application.Common.Models;
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

    [Test]
    public async Task ConnectionBreaksWhileAQuerysRowsAreRead_TheWholeQueryRunsAgain_AndAnswersInFull()
    {
        await using var setup = new FaultyApi(_connectionString, fault: null);
        using var setupAdmin = await setup.AdminAsync();
        var customer = Guid.Empty;
        for (var i = 0; i < 3; i++)
        {
            var created = await setupAdmin.PostAsJsonAsync("/api/v1/complaints", Complaints.New(20));
            customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid();
        }

        // The list's rows are streamed inside the query's one retried unit (ReadBehaviour): a break after its first row
        // has been read fails the unit, which runs again, rather than the request.
        var fault = new BreakOnce(command: QueryTags.PlanOnce, whileReadingRow: 2); // the list's statement
        await using var factory = new FaultyApi(_connectionString, fault);
        using var admin = await factory.AdminAsync();
        var response = await admin.GetAsync($"/api/v1/complaints?customerId={customer}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(fault.Broken, Is.True, "the fault struck");
            Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(3), "every row, once");
            Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
        });
    }

    private static async Task<long> CountAsync(string sql, params object[] parameters) =>
        await Database.ScalarAsync<long>(_connectionString, sql, parameters);

    /// <summary>
    /// Breaks the connection once: on the first command whose text contains <c>command</c> (or, with
    /// <c>whileReadingRow</c>, when that command's reader is asked for that row), or at the first commit when no command
    /// is named. A broken connection is transient (an IOException beneath); a timeout is not retried.
    /// </summary>
    private sealed class BreakOnce(string? command, bool timeout = false, int? whileReadingRow = null) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private int _attempts;

        public bool Broken => _attempts > 0;

        public int Attempts => _attempts;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command1, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (whileReadingRow is null)
            {
                Strike(command1.CommandText);
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command1, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(whileReadingRow is { } row && command is not null && command1.CommandText.Contains(command, StringComparison.Ordinal)
                ? new BreakingReader(result, row, () => Strike(command1.CommandText))
                : result);

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

    /// <summary>A reader that runs <c>strike</c> when asked for its <c>row</c>th row; everything else is the real reader's.</summary>
    private sealed class BreakingReader(DbDataReader inner, int row, Action strike) : DbDataReader
    {
        private int _rows;

        public override bool Read() => Next() && inner.Read();

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken) => Next() && await inner.ReadAsync(cancellationToken);

        private bool Next()
        {
            if (++_rows == row)
            {
                strike();
            }

            return true;
        }

        public override object this[int ordinal] => inner[ordinal];
        public override object this[string name] => inner[name];
        public override int Depth => inner.Depth;
        public override int FieldCount => inner.FieldCount;
        public override bool HasRows => inner.HasRows;
        public override bool IsClosed => inner.IsClosed;
        public override int RecordsAffected => inner.RecordsAffected;
        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
        public override char GetChar(int ordinal) => inner.GetChar(ordinal);
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
        public override System.Collections.IEnumerator GetEnumerator() => ((System.Collections.IEnumerable)inner).GetEnumerator();
        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);
        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);
        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => inner.GetFieldValueAsync<T>(ordinal, cancellationToken);
        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);
        public override string GetName(int ordinal) => inner.GetName(ordinal);
        public override int GetOrdinal(string name) => inner.GetOrdinal(name);
        public override string GetString(int ordinal) => inner.GetString(ordinal);
        public override object GetValue(int ordinal) => inner.GetValue(ordinal);
        public override int GetValues(object[] values) => inner.GetValues(values);
        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);
        public override bool NextResult() => inner.NextResult();
        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);
        public override void Close() => inner.Close();
        public override Task CloseAsync() => inner.CloseAsync();
        public override ValueTask DisposeAsync() => inner.DisposeAsync();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}
