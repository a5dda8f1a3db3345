using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Incidents;

/// <summary>
/// Changes the complaints of an incident a batch at a time, each batch committed on its own and forgotten before the
/// next (memory stays flat, a stopped run keeps what it did). <paramref name="pending"/> must stop matching a complaint
/// once it is changed, so that asking again resumes where a run stopped. A batch that lost a race with another change
/// of one of its complaints is read again and retried.
/// </summary>
internal static class IncidentBatches
{
    private const int MaxConflictsInARow = 5;

    /// <returns>How many complaints <paramref name="change"/> changed (returned true for) in the batches committed.</returns>
    public static async Task<int> RunAsync(IApplicationDbContext db, IQueryable<Complaint> pending, int batchSize, Func<Complaint, bool> change, CancellationToken ct)
    {
        var batch = pending.OrderBy(c => c.Id).Take(batchSize);
        var (changed, conflicts) = (0, 0);
        for (List<Complaint> complaints; (complaints = await batch.ToListAsync(ct)).Count > 0;)
        {
            var inBatch = complaints.Count(change);
            try
            {
                await db.SaveChangesAsync(ct);
                (changed, conflicts) = (changed + inBatch, 0);
            }
            catch (DbUpdateConcurrencyException) when (++conflicts < MaxConflictsInARow)
            {
                // Another request changed one of them meanwhile: read the batch again.
            }
            finally
            {
                db.DiscardChanges();
            }
        }

        return changed;
    }
}
