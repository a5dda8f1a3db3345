using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

internal static class ComplaintLoading
{
    /// <summary>Loads a complaint the caller may see, for a change made against the version they read.</summary>
    public static async Task<Complaint> LoadForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var complaint = await (await db.VisibleAsync(user, ct)).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Complaint", id);
        db.ExpectVersion(complaint, expectedVersion ?? throw new PreconditionRequiredException("complaint"));
        EscalationAuthority.EnsureMayAct(user, complaint);
        return complaint;
    }
}
