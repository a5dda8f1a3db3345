using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerCare.Resilience.Tests;

/// <summary>
/// A PostgreSQL server of this suite's own (scripts/db.sh with a data directory and port of its own), because the
/// tests stop and crash it: the other suites' database must not go away under them. Each test takes a database of
/// its own on it.
/// </summary>
[SetUpFixture]
public sealed class OwnCluster
{
    private static string? _directory;
    private static int _port;

    public static string AdminConnectionString { get; private set; } = string.Empty;

    /// <summary>The cluster's data directory and port, for tests of scripts/db.sh itself.</summary>
    public static string Directory => _directory ?? throw new InvalidOperationException("The cluster is not started.");

    public static int Port => _port;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _port = FreePort();
        _directory = Path.Combine(Path.GetTempPath(), $"customercare-resilience-{Guid.NewGuid():N}");
        await RunAsync("start");
        AdminConnectionString = (await RunAsync("conn")).Trim();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_directory is null)
        {
            return;
        }

        await RunAsync("stop");
        var target = new DirectoryInfo(_directory).LinkTarget;
        System.IO.Directory.Delete(_directory, recursive: true);
        if (target is not null && System.IO.Directory.Exists(target))
        {
            System.IO.Directory.Delete(target, recursive: true);
        }
    }

    /// <summary>Stops the server at once, as a power cut would: open connections break, the next start recovers from the WAL.</summary>
    public static async Task CrashAsync()
    {
        await RunAsync("crash");
        // The tests' own pooled connections died with the server: the next test must not be handed one.
        NpgsqlConnection.ClearAllPools();
    }

    public static Task RestartAsync() => RunAsync("start");

    /// <summary>A new, empty database on the server; the API's start-up migrates it.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", connection) { CommandTimeout = 600 }; // slow on a loaded machine
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<string> RunAsync(string command) => RunAsync(command, withPort: true);

    /// <summary>Runs scripts/db.sh on this cluster; without <paramref name="withPort"/>, CUSTOMERCARE_DB_PORT is not set.</summary>
    public static async Task<string> RunAsync(string command, bool withPort)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Find(), "scripts", "db.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("ConnectionStrings__CustomerCare");
        start.Environment["CUSTOMERCARE_DB_DIR"] = _directory;
        start.Environment.Remove("CUSTOMERCARE_DB_PORT");
        if (withPort)
        {
            start.Environment["CUSTOMERCARE_DB_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/db.sh {command} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
