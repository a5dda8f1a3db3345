using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// Requests lease their context from a pool: an instance comes back to a later scope, and nothing a request left on it
/// (a transaction it never ended, work waiting for that commit, sessions a save was about to end) goes with it.
/// </summary>
public sealed class ContextPoolingTests : IntegrationTest
{
    [Test]
    public async Task AContextComesBackFromThePool_ToItsNewScope_WithNothingOfTheRequestThatLeftIt()
    {
        var services = Testing.Factory.Services;
        CustomerCareDbContext left;
        await using (var failed = services.CreateAsyncScope())
        {
            // A request that failed half-way: its transaction open, an action waiting for the commit, a save under way.
            left = failed.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
            Assert.That(left.RequestServices, Is.SameAs(failed.ServiceProvider));
            await left.BeginRequestTransactionAsync(CancellationToken.None);
            left.AfterCommit(() => Assert.Fail("an action of the request that failed ran in a later one"));
            left.EndingSessions = [Guid.NewGuid()];
        }

        // More scopes at once than the pool holds: one of them has the instance back (the pool hands out the oldest first).
        var scopes = Enumerable.Range(0, 300).Select(_ => services.CreateAsyncScope()).ToList();
        try
        {
            var leased = scopes.Select(s => (Scope: s.ServiceProvider, Db: s.ServiceProvider.GetRequiredService<CustomerCareDbContext>())).ToList();
            var again = leased.Where(l => ReferenceEquals(l.Db, left)).ToList();
            Assert.That(again, Has.Count.EqualTo(1), "the instance went back to the pool and came out again");
            var (scope, db) = again[0];
            Assert.Multiple(() =>
            {
                Assert.That(db.RequestServices, Is.SameAs(scope), "its interceptors work for the new scope");
                Assert.That(db.InRequestTransaction, Is.False, "the transaction of the request that failed is not the new one's");
                Assert.That(db.EndingSessions, Is.Null);
                Assert.That(db.Database.CurrentTransaction, Is.Null);
                Assert.That(db.ChangeTracker.Entries(), Is.Empty);
            });

            // And it works: a request transaction of its own, committed, runs only its own actions.
            var ran = false;
            await db.BeginRequestTransactionAsync(CancellationToken.None);
            db.AfterCommit(() => ran = true);
            await db.CommitRequestTransactionAsync(CancellationToken.None);
            Assert.That(ran, Is.True);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}
