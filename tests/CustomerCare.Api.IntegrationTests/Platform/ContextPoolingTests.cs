using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// A scope disposes its context once for every service it was resolved as. When each of those gave it back to the
    /// pool, a request that leased it between two of them lost it to the second: "Cannot access a disposed context
    /// instance" in one list or get of ~30,000 under load (2026-12-05).
    /// </summary>
    [Test]
    public async Task AScopesContext_GoesBackToThePoolOnce_WhenTheScopeEnds_NotEachTimeTheScopeDisposesIt()
    {
        var services = Testing.Factory.Services;
        var factory = services.GetRequiredService<IDbContextFactory<CustomerCareDbContext>>();
        CustomerCareDbContext held;
        var others = new List<CustomerCareDbContext>();
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                held = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
                Assert.That(scope.ServiceProvider.GetRequiredService<IApplicationDbContext>(), Is.SameAs(held));

                // What the scope does first when it ends (for one of the two services), then other requests lease contexts,
                // more than the pool holds, before the scope disposes the instance again and ends its lease.
                await held.DisposeAsync();
                others.AddRange(Enumerable.Range(0, 300).Select(_ => factory.CreateDbContext()));
                Assert.That(others, Has.None.SameAs(held), "a context its scope still holds is leased to nobody else");
                Assert.That(held.Database.CanConnect(), Is.True, "and it still works for its scope");
            }

            Assert.That(() => others.ForEach(o => _ = o.Database.CurrentTransaction), Throws.Nothing,
                "the scope's end disposed none of the contexts other requests hold");
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }

        var leased = Enumerable.Range(0, 300).Select(_ => factory.CreateDbContext()).ToList();
        try
        {
            Assert.That(leased.Count(l => ReferenceEquals(l, held)), Is.EqualTo(1), "back in the pool, once");
        }
        finally
        {
            foreach (var context in leased)
            {
                await context.DisposeAsync();
            }
        }
    }
}
