using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// A save walks every tracked entity for changes only where it must: once when the domain events' last round looks for
/// aggregates reached through navigations, once in EF Core's own save. The interceptors that look at one entity type
/// (staff members ending their sessions, complaints' clocks) detect that type's entries alone, and only those whose
/// state a walk can change.
/// </summary>
public sealed class SaveChangeDetectionTests : AdminIntegrationTest
{
    [Test]
    public async Task ASave_WalksItsTrackedEntitiesForChangesTwice()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var staff = await db.Staff.Take(5).ToListAsync();
        await db.Complaints.Take(20).LoadAsync();
        Assert.That(staff, Is.Not.Empty, "staff members tracked, for the sessions' interceptor to look at");

        using var walks = ChangeDetectionWalksSeen.Of(db);
        await db.SaveChangesAsync();
        Assert.That(walks.Walks, Is.EqualTo(2), "full DetectChanges in one save");
    }

    [Test]
    public async Task TheClocksInterceptor_WalksOnlyTheComplaintsLoadedUnchanged_AndANewComplaintsClocksAreStillSaved()
    {
        // A new complaint is saved whatever changed in it, so the clocks' interceptor has nothing to learn by walking it
        // (an import batch's save used to walk each of its 500 new complaints twice): only a loaded one may have been
        // modified. The clocks it starts on the new one are found by the save's full walks.
        var received = await new ComplaintApi(Admin).ReceiveAsync();
        var loadedId = received.GetProperty("id").GetGuid();
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        await db.Complaints.Where(c => c.Id == loadedId).LoadAsync();
        var added = Complaint.Receive("CC-TEST-000101", new NewComplaint(
            Channel.Phone, received.GetProperty("customerId").GetGuid(), "Walked for changes?", "Details.", null, null, DateTimeOffset.UtcNow,
            null, null, null, null), Actor.System, DateTimeOffset.UtcNow);
        db.Complaints.Add(added);

        // Complaints walked on their own: EF Core raises the same event for each entry of a full walk, which is not counted.
        var walked = new List<Guid>();
        var inFullWalk = false;
        db.ChangeTracker.DetectingAllChanges += (_, _) => inFullWalk = true;
        db.ChangeTracker.DetectedAllChanges += (_, _) => inFullWalk = false;
        db.ChangeTracker.DetectingEntityChanges += (_, e) =>
        {
            if (!inFullWalk && e.Entry.Entity is Complaint complaint)
            {
                walked.Add(complaint.Id);
            }
        };
        await db.SaveChangesAsync();

        var clocks = await Dispatch.ScalarAsync($"SELECT count(*) FROM complaint_sla_clocks WHERE complaint_id = '{added.Id}'");
        var loadedClocks = await Dispatch.ScalarAsync($"SELECT count(*) FROM complaint_sla_clocks WHERE complaint_id = '{loadedId}'");
        Assert.Multiple(() =>
        {
            Assert.That(walked, Is.EqualTo(new[] { loadedId }), "complaints walked on their own in the save");
            Assert.That(clocks, Is.EqualTo(loadedClocks).And.GreaterThan(0), "the new complaint's clocks, as a received complaint's");
        });
    }
}
