using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The SLA worker's claims walk only the clocks still to note. Unmet clocks stay unmet while their complaint is open, so
/// an index of all unmet clocks also holds every clock already breached: with a million complaints each pass walked
/// ~750,000 of them (1.6 s of a core, pass after pass). Each claim must be answerable from its own partial index; with
/// the broad indexes and the other claim's partial index gone (inside a transaction that is rolled back) and sequential
/// scans priced out, the plan names the partial index only when the claim's conditions imply the index's predicate. (With
/// the other partial index left, the planner may pick either on a nearly empty table: both are cheap there.)
/// </summary>
public sealed class SlaScanIndexTests : IntegrationTest
{
    [TestCase(SlaScanner.BreachClaim, "ix_complaint_sla_clocks_breach_due", "ix_complaint_sla_clocks_risk_due", TestName = "{m}(breaches)")]
    [TestCase(SlaScanner.AtRiskClaim, "ix_complaint_sla_clocks_risk_due", "ix_complaint_sla_clocks_breach_due", TestName = "{m}(at risk)")]
    public async Task AClaim_IsAnsweredFromItsPartialIndex(string claim, string index, string other)
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var prepare = new NpgsqlCommand(
            $"""
            SET LOCAL enable_seqscan = off;
            DROP INDEX ix_complaint_sla_clocks_due_at;
            DROP INDEX ix_complaint_sla_clocks_at_risk_from;
            DROP INDEX ix_complaint_sla_clocks_complaint_id_milestone;
            DROP INDEX {other};
            """, connection, transaction))
        {
            await prepare.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + claim.Replace("{0}", "$1").Replace("{1}", "$2"), connection, transaction);
        explain.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow });
        explain.Parameters.Add(new NpgsqlParameter { Value = SlaScanner.BatchSize });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        Assert.That(string.Join('\n', plan), Does.Contain(index));
    }
}
