using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data.Seeding;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>The demo history scripts/run.sh seeds on an empty database: plausible, complete, consistent with the reports, and seeded once.</summary>
[NonParallelizable]
public class DemoDataTests
{
    private static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task AnEmptyDatabase_GetsAPlausibleHistory_ThatTheReportsCount_AndOnlyOnce()
    {
        await Testing.ResetDatabaseAsync();
        await using var host = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false, new Dictionary<string, string?>
        {
            ["CustomerCare:Demo:SeedData"] = "true",
            ["CustomerCare:Demo:Complaints"] = "240",
            ["CustomerCare:Demo:Days"] = "80",
        });
        _ = host.Server; // start-up seeds
        var complaints = await ScalarAsync("SELECT count(*) FROM complaints");
        await host.Services.SeedAsync(); // a second start adds nothing
        var again = await ScalarAsync("SELECT count(*) FROM complaints");

        using var admin = await ApiClient.AsAdminAsync();
        var to = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var report = await (await admin.GetAsync($"/api/v1/reports/complaints/summary?from={to.AddDays(-100):yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy=status")).ReadJsonAsync();
        var total = report.GetProperty("total");
        var statuses = report.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(complaints, Is.InRange(150, 350), "about the 240 asked for");
            Assert.That(again, Is.EqualTo(complaints));
            Assert.That(total.GetProperty("count").GetInt64(), Is.EqualTo(complaints), "the reports count every seeded complaint");
            Assert.That(statuses, Does.Contain("closed"), "a history: most closed");
            Assert.That(statuses.Intersect(new[] { "received", "registered", "investigated", "solution" }), Is.Not.Empty, "the latest still open");
            Assert.That(total.GetProperty("firstResponse").GetProperty("count").GetInt32(), Is.GreaterThan(complaints / 2), "working times were measured");
            Assert.That(total.GetProperty("reopen").GetProperty("count").GetInt32(), Is.Positive);
            Assert.That(total.GetProperty("satisfaction").GetProperty("responses").GetInt32(), Is.GreaterThan(complaints / 3));
            Assert.That(await ScalarAsync("SELECT count(*) FROM complaints WHERE re_complaint_of_id IS NOT NULL"), Is.Positive);
            Assert.That(await ScalarAsync("SELECT count(DISTINCT assignee_id) FROM complaints"), Is.GreaterThanOrEqualTo(4), "handlers in several departments");
            Assert.That(await ScalarAsync("SELECT count(*) FROM outbox_messages"), Is.Zero, "the demo history is not news to partners");
            Assert.That(await ScalarAsync("SELECT count(*) FROM complaint_sla_clocks"), Is.GreaterThan(complaints));
        });
    }
}
