using CustomerCare.Api.IntegrationTests.Complaints;
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
        var plan = await ExplainAsync(claim,
            $"""
            SET LOCAL enable_seqscan = off;
            DROP INDEX ix_complaint_sla_clocks_due_at;
            DROP INDEX ix_complaint_sla_clocks_at_risk_from;
            DROP INDEX ix_complaint_sla_clocks_complaint_id_milestone;
            DROP INDEX {other};
            """);
        Assert.That(plan, Does.Contain(index));
    }

    /// <summary>
    /// The at-risk claim names no due time: given one (<c>due_at &gt; now</c>), PostgreSQL walked the breach index over
    /// every open clock not yet due whenever its statistics predated the newest clocks (1.1–1.9 s a pass with a million
    /// complaints). With the at-risk indexes gone and sequential scans priced out, the breach index must be left with no
    /// range of its own to walk.
    /// </summary>
    [Test]
    public async Task TheAtRiskClaim_GivesTheBreachIndexNoDueTimeToWalk()
    {
        var plan = await ExplainAsync(SlaScanner.AtRiskClaim,
            """
            SET LOCAL enable_seqscan = off;
            DROP INDEX ix_complaint_sla_clocks_at_risk_from;
            DROP INDEX ix_complaint_sla_clocks_risk_due;
            """);
        Assert.That(plan, Does.Not.Match(@"Index Cond: \(+due_at"), plan);
    }

    /// <summary>The at-risk claim leaves out the clocks the breach claim took in the same pass (its budget is the rest of the batch).</summary>
    [Test]
    public async Task TheAtRiskClaim_LeavesOutTheClocksTheBreachClaimTook()
    {
        var id = (await new ComplaintApi(await ApiClient.AsAdminAsync()).ReceiveAsync()).GetProperty("id").GetGuid();
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var clocks = await db.Set<CustomerCare.Domain.Sla.SlaClock>().Where(k => k.ComplaintId == id && k.MetAt == null)
            .Select(k => new { k.Id, k.AtRiskFrom }).ToListAsync();
        Assert.That(clocks, Is.Not.Empty);
        var atRisk = clocks.Max(k => k.AtRiskFrom);

        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        async Task<List<Guid>> ClaimAsync(Guid[] taken)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var claim = new NpgsqlCommand(QueryPlans.Numbered(SlaScanner.AtRiskClaim, 3), connection, transaction);
            claim.Parameters.Add(new NpgsqlParameter { Value = atRisk });
            claim.Parameters.Add(new NpgsqlParameter { Value = 100_000 });
            claim.Parameters.Add(new NpgsqlParameter { Value = taken });
            var found = new List<Guid>();
            await using (var reader = await claim.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found.Add(reader.GetGuid(0));
                }
            }

            await transaction.RollbackAsync();
            return found;
        }

        var all = await ClaimAsync([]);
        var rest = await ClaimAsync([clocks[0].Id]);
        Assert.Multiple(() =>
        {
            Assert.That(all, Does.Contain(clocks[0].Id), "the clock is at risk");
            Assert.That(rest, Does.Not.Contain(clocks[0].Id), "but the breach claim took it");
        });
    }

    private static Task<string> ExplainAsync(string claim, string prepare) =>
        QueryPlans.ExplainAsync(claim, prepare, DateTimeOffset.UtcNow, SlaScanner.BatchSize, Array.Empty<Guid>());
}
