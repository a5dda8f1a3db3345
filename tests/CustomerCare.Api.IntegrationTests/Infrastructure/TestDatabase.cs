using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL the tests run against, in this order: the connection string in
/// <c>CUSTOMERCARE_TEST_CONNECTION</c>; a Testcontainers container when a Docker engine answers; else the
/// checkout's own cluster (<c>scripts/db.sh</c>), database <c>customercare_test</c>. The database is emptied
/// before the run, so its name must contain "test".
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "CUSTOMERCARE_TEST_CONNECTION";

    private readonly PostgreSqlContainer? _container;

    private TestDatabase(string connectionString, string source, PostgreSqlContainer? container)
    {
        ConnectionString = connectionString;
        Source = source;
        _container = container;
    }

    public string ConnectionString { get; }

    public string Source { get; }

    public static async Task<TestDatabase> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return await PrepareAsync(new TestDatabase(configured, EnvironmentVariable, null));
        }

        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine")
                .WithDatabase("customercare_test")
                .Build();
            await container.StartAsync();
            return await PrepareAsync(new TestDatabase(container.GetConnectionString(), "Testcontainers", container));
        }
        catch (DockerUnavailableException)
        {
            // No Docker engine here: use the checkout's own cluster.
        }

        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "scripts", "db.sh");
        await RunAsync(script, "start");
        var connectionString = (await RunAsync(script, "conn", "customercare_test")).Trim();
        return await PrepareAsync(new TestDatabase(connectionString, "scripts/db.sh", null));
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    /// <summary>Empties the database: the API's migrations then run on a database that has nothing.</summary>
    private static async Task<TestDatabase> PrepareAsync(TestDatabase database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        if (builder.Database is null || !builder.Database.Contains("test", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The tests empty their database, so its name must contain 'test' (got '{builder.Database}').");
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection);
        await command.ExecuteNonQueryAsync();
        await TestContext.Progress.WriteLineAsync($"Test database from {database.Source}: {builder.Host}:{builder.Port}/{builder.Database}");
        return database;
    }

    private static async Task<string> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
