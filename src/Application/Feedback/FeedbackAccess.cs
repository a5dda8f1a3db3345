using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Feedback;

internal static class FeedbackAccess
{
    public static async Task<CustomerFeedback> LoadForChangeAsync(this IApplicationDbContext db, Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("Feedback", id);
        db.ExpectVersion(feedback, expectedVersion ?? throw new PreconditionRequiredException("feedback"));
        return feedback;
    }

    public static Guid? StaffId(this ICurrentUser user) => user.Kind == CallerKind.Staff ? user.Id : null;
}
