using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// A save walks every tracked entity for changes only where it must: once when the domain events' last round looks for
/// aggregates reached through navigations, once in EF Core's own save. The interceptors that look at one entity type
/// (staff members ending their sessions, complaints' clocks) detect that type's entries alone.
/// </summary>
public sealed class SaveChangeDetectionTests : IntegrationTest
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
}
