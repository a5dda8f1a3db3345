using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data.Seeding;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>
/// Complaints stored before working times were measured get them at the next start, once: a marker in the settings says
/// it was done, so later starts do not walk the complaints table again (on a million complaints that walk outlasted the
/// command timeout and the API did not start).
/// </summary>
public class WorkingTimeBackfillTests : AdminIntegrationTest
{
    private static async Task<object?> SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Test]
    public async Task AComplaintStoredWithoutItsWorkingTime_IsMeasuredAtTheNextStart_OnlyOnce()
    {
        var id = await new ComplaintApi(Admin).BringToResolvedAsync();
        var measured = await SqlAsync($"SELECT resolution_time FROM complaints WHERE id = '{id}'");

        // As an earlier version stored it: no resolution time, and no marker that the backfill ran.
        await SqlAsync($"UPDATE complaints SET resolution_time = NULL WHERE id = '{id}'; DELETE FROM settings WHERE key = 'complaintWorkingTimes'");
        await Testing.Factory.Services.SeedAsync();
        var backfilled = await SqlAsync($"SELECT resolution_time FROM complaints WHERE id = '{id}'");
        var marked = await SqlAsync("SELECT count(*) FROM settings WHERE key = 'complaintWorkingTimes'");

        // With the marker, a start does not look again.
        await SqlAsync($"UPDATE complaints SET resolution_time = NULL WHERE id = '{id}'");
        await Testing.Factory.Services.SeedAsync();
        var afterMarked = await SqlAsync($"SELECT resolution_time FROM complaints WHERE id = '{id}'");

        Assert.Multiple(() =>
        {
            Assert.That(measured, Is.Not.Null.And.Not.EqualTo(DBNull.Value), "the interceptor measures a resolved complaint");
            Assert.That(backfilled, Is.EqualTo(measured), "the start measured it again, the same");
            Assert.That(marked, Is.EqualTo(1L));
            Assert.That(afterMarked, Is.EqualTo(DBNull.Value), "the marked backfill is not repeated");
        });
    }
}
