using CustomerCare.Domain.Organisation;
using CustomerCare.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Makes this replica forget a staff member's cached sessions (<see cref="StaffSessions"/>) as soon as its own save of a
/// new security stamp (password, roles, department, deactivation) or a deletion has committed, without waiting for the
/// <c>NOTIFY staff_sessions</c> that the commit sends every replica: the listener hears it a few milliseconds later, and
/// on a busy machine later still, so a client that changed its password and at once used its old token was still let in.
/// The notification remains what ends the sessions on the other replicas. One instance serves every pooled context: what
/// a save is about to end is kept on its context.
/// </summary>
public sealed class EndStaffSessionsInterceptor(StaffSessions sessions) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CustomerCareDbContext context)
        {
            context.EndingSessions = null;
            // Only staff members are looked at, each on its own: Entries<T>() would first detect changes in every tracked
            // entity (a full walk of the ~4,500 an import batch tracks, for the few staff members a save ever holds).
            using var _ = context.ChangeTracker.PauseAutoDetect();
            foreach (var entry in context.ChangeTracker.Entries<StaffMember>())
            {
                entry.DetectChanges();
                if (entry.State is EntityState.Deleted
                    || (entry.State is EntityState.Modified && entry.Property(s => s.SecurityStamp).IsModified))
                {
                    (context.EndingSessions ??= []).Add(entry.Entity.Id);
                }
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CustomerCareDbContext { EndingSessions: { } ending } context)
        {
            context.EndingSessions = null;
            // Inside the request's transaction the change is not visible before it commits: forget then. Otherwise the
            // save has committed (or sits in a short explicit transaction whose NOTIFY follows at its commit).
            context.AfterCommit(() => ending.ForEach(sessions.Forget));
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CustomerCareDbContext context)
        {
            context.EndingSessions = null;
        }

        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}
