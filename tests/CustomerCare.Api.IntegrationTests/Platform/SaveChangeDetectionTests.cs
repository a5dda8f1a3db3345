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
/// A save walks every tracked entity for changes once, in EF Core's own save (COPY's in a bulk save). The domain events'
/// rounds list the tracked aggregates without a walk, which holds while no navigation of the model leads to an
/// aggregate. The interceptors that look at one entity type (staff members ending their sessions, complaints' clocks)
/// detect that type's entries alone, and only those whose state a walk can change.
/// </summary>
public sealed class SaveChangeDetectionTests : AdminIntegrationTest
{
    [Test]
    public async Task ASave_WalksItsTrackedEntitiesForChangesOnce()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var staff = await db.Staff.Take(5).ToListAsync();
        await db.Complaints.Take(20).LoadAsync();
        Assert.That(staff, Is.Not.Empty, "staff members tracked, for the sessions' interceptor to look at");

        using var walks = ChangeDetectionWalksSeen.Of(db);
        await db.SaveChangesAsync();
        Assert.That(walks.Walks, Is.EqualTo(1), "full DetectChanges in one save");
    }

    [Test]
    public async Task NoNavigationOfTheModel_LeadsToAnAggregate()
    {
        // The domain events' rounds publish the events of the tracked aggregates without walking for changes first: an
        // aggregate that only a navigation of another entity reached would be tracked by the walk alone, and its events
        // never published. Aggregates refer to each other by id; a navigation to one would need that walk back.
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var aggregates = db.Model.GetEntityTypes().Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType)).ToList();
        var navigations = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetDeclaredNavigations().Cast<Microsoft.EntityFrameworkCore.Metadata.INavigationBase>().Concat(t.GetDeclaredSkipNavigations()))
            .ToList();
        var toAggregates = navigations.Where(n => typeof(AggregateRoot).IsAssignableFrom(n.TargetEntityType.ClrType))
            .Select(n => $"{n.DeclaringEntityType.ClrType.Name}.{n.Name} -> {n.TargetEntityType.ClrType.Name}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(aggregates, Has.Count.GreaterThan(5), "the model's aggregates");
            Assert.That(navigations, Is.Not.Empty, "the model's navigations (an aggregate's children)");
            Assert.That(toAggregates, Is.Empty, "navigations leading to an aggregate");
        });
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
