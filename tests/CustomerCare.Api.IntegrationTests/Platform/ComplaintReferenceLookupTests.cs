using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;

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
        var plan = await QueryPlans.ExplainAsync(CustomerCareDbContext.ComplaintsByReferenceSql, "SET LOCAL enable_seqscan = off",
            Guid.NewGuid(), Enumerable.Range(1, 500).Select(i => $"REF-{i}").ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(plan, Does.Contain("ix_complaints_partner_id_external_reference"), plan);
            Assert.That(plan, Does.Match(@"Index Cond: \(\(partner_id = [^)]+\) AND \(\(external_reference\)::text = r\.reference\)\)"), plan);
        });
    }
}
