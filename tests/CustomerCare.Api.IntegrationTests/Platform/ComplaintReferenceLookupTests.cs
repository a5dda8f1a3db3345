using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// An import checks a batch's external references at once. Written as <c>external_reference = ANY(@references)</c>,
/// PostgreSQL walked every complaint of the partner and filtered them (0.1–1 s a batch for a partner with 20,000–130,000
/// complaints); the lateral join must look each reference up in the partner-and-reference index, whatever the
/// statistics say, so sequential scans are priced out only to keep the tiny test table from being read whole.
/// </summary>
public sealed class ComplaintReferenceLookupTests : IntegrationTest
{
    [Test]
    public async Task EachReference_IsLookedUpInThePartnersReferenceIndex()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var prepare = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await prepare.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            "EXPLAIN " + CustomerCareDbContext.ComplaintsByReferenceSql.Replace("{0}", "$1").Replace("{1}", "$2"), connection, transaction);
        explain.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        explain.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Range(1, 500).Select(i => $"REF-{i}").ToArray() });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        var text = string.Join('\n', plan);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("ix_complaints_partner_id_external_reference"), text);
            Assert.That(text, Does.Match(@"Index Cond: \(\(partner_id = [^)]+\) AND \(\(external_reference\)::text = r\.reference\)\)"), text);
        });
    }
}
