using Npgsql;

namespace CustomerCare.Resilience.Tests;

/// <summary>
/// scripts/db.sh keeps a cluster's port with its data: a later call without CUSTOMERCARE_DB_PORT talks to the cluster
/// where it was created (this suite's own, on a port of its own), not to the default port or another cluster.
/// </summary>
public sealed class DbScriptTests
{
    [Test]
    public async Task ACallWithoutThePort_FindsTheClusterOnThePortItWasCreatedWith()
    {
        var connectionString = (await OwnCluster.RunAsync("conn", withPort: false)).Trim();

        Assert.That(new NpgsqlConnectionStringBuilder(connectionString).Port, Is.EqualTo(OwnCluster.Port));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('port')", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(OwnCluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
