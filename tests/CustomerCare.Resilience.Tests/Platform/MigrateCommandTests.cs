using CustomerCare.Resilience.Tests.Infrastructure;
using Npgsql;

namespace CustomerCare.Resilience.Tests.Platform;

/// <summary>
/// <c>CustomerCare.Api migrate</c>, the deployment step that runs once per release (deploy/compose.yaml's migrate
/// service): it applies the schema, seeds, and exits without serving; against a database that is not there it says so
/// while it waits, and gives up after the configured wait with a failing exit code.
/// </summary>
[NonParallelizable]
public class MigrateCommandTests
{
    private static async Task<(int ExitCode, string Output)> MigrateAsync(string connectionString, params (string Key, string Value)[] settings)
    {
        var environment = ApiProcess.Settings(connectionString);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{OwnCluster.FreePort()}";
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var outcome = await Scripts.RunAsync($"dotnet '{ApiProcess.Assembly()}' migrate", environment: environment);
        return (outcome.ExitCode, outcome.Output + outcome.Errors);
    }

    [Test]
    public async Task Migrate_AppliesTheSchemaAndSeeds_ThenExitsWithoutServing()
    {
        var connectionString = await OwnCluster.CreateDatabaseAsync("resilience_migrate");

        var (exitCode, output) = await MigrateAsync(connectionString, ("CustomerCare__Database__MigrateOnStartup", "false"));

        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(await Database.ScalarAsync<long>(connectionString, "SELECT count(*) FROM \"__EFMigrationsHistory\""), Is.GreaterThan(0));
            Assert.That(await Database.ScalarAsync<long>(connectionString, "SELECT count(*) FROM departments"), Is.GreaterThan(0), "seeded");
            Assert.That(output, Does.Not.Contain("Now listening on"), "it does not serve");
        });
    }

    [Test]
    public async Task Migrate_OfADatabaseThatIsNotThere_SaysSoWhileWaiting_AndFailsAfterTheWait()
    {
        var missing = new NpgsqlConnectionStringBuilder(OwnCluster.AdminConnectionString) { Database = "resilience_not_created" }.ConnectionString;

        var (exitCode, output) = await MigrateAsync(missing, ("CustomerCare__Database__StartupWait", "00:00:03"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero, output);
            Assert.That(output, Does.Contain("the server answers, but has no database \\u0022resilience_not_created\\u0022")
                .Or.Contain("the server answers, but has no database \"resilience_not_created\""), output);
        });
    }
}
