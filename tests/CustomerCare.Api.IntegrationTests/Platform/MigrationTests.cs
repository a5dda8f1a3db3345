using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The test run starts from an emptied database and the API migrates it at start-up: these tests check that
/// every migration was applied and that the model has no change without a migration.
/// </summary>
public class MigrationTests
{
    [Test]
    public async Task Startup_OnAnEmptyDatabase_AppliesEveryMigration()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();

        var all = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(all, Is.Not.Empty);
            Assert.That(applied, Is.EqualTo(all));
        });
    }

    [Test]
    public async Task Model_HasNoChangesWithoutAMigration()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "Add a migration: dotnet ef migrations add Name -p src/Infrastructure -s src/Api -o Data/Migrations");
    }
}
