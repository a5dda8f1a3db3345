using Npgsql;
using Respawn;

using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests;

/// <summary>Once per test run: the database, the API on top of it (which migrates it), and a Respawn checkpoint.</summary>
[SetUpFixture]
public sealed class Testing
{
    private static TestDatabase? _database;
    private static CustomerCareApiFactory? _factory;
    private static Respawner? _respawner;

    public static TestDatabase Database => _database ?? throw new InvalidOperationException("The test database is not started.");

    public static CustomerCareApiFactory Factory => _factory ?? throw new InvalidOperationException("The API is not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.StartAsync();
        _factory = new CustomerCareApiFactory(_database.ConnectionString);
        _ = _factory.Server; // starts the host: migrations run now, on the emptied database

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'",
            connection);
        if ((long)(await count.ExecuteScalarAsync())! > 0)
        {
            _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = ["__EFMigrationsHistory"],
            });
        }
    }

    /// <summary>Deletes every row a test wrote, keeping the schema and the migration history.</summary>
    public static async Task ResetDatabaseAsync()
    {
        if (_respawner is null)
        {
            return; // the schema has no tables yet: nothing to reset
        }

        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await _respawner.ResetAsync(connection);
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
