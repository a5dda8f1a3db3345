using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data.Seeding;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests;

/// <summary>Once per test run: the database and the API on top of it (which migrates it).</summary>
[SetUpFixture]
public sealed class Testing
{
    private static TestDatabase? _database;
    private static CustomerCareApiFactory? _factory;
    private static string? _truncateAll;

    public static TestDatabase Database => _database ?? throw new InvalidOperationException("The test database is not started.");

    public static CustomerCareApiFactory Factory => _factory ?? throw new InvalidOperationException("The API is not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.StartAsync();
        _factory = new CustomerCareApiFactory(_database.ConnectionString);
        _ = _factory.Server; // starts the host: migrations run now, on the emptied database

        // One TRUNCATE of every table: it empties tables whose foreign keys form cycles (departments and their
        // supervisors) without the superuser rights that disabling triggers, as Respawn does for cycles, needs.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            """
            SELECT string_agg(format('%I.%I', table_schema, table_name), ', ')
            FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'
            """,
            connection);
        var list = await tables.ExecuteScalarAsync() as string;
        _truncateAll = string.IsNullOrEmpty(list) ? null : $"TRUNCATE {list} RESTART IDENTITY CASCADE";
    }

    /// <summary>
    /// Deletes every row a test wrote, keeping the schema and the migration history, then seeds again what
    /// start-up seeds (default departments, the bootstrap administrator).
    /// </summary>
    public static async Task ResetDatabaseAsync()
    {
        if (_truncateAll is not null)
        {
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var truncate = new NpgsqlCommand(_truncateAll, connection);
            await truncate.ExecuteNonQueryAsync();
        }

        await Factory.Services.SeedAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
