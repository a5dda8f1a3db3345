using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Attachments;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Attachments;

/// <summary>
/// Who sees a complaint's files: whoever sees the complaint (staff by the complaint rules, a partner its own complaints);
/// a partner only the public files. A complaint or file one may not see is "not found".
/// </summary>
internal static class AttachmentAccess
{
    public static async Task EnsureComplaintVisibleAsync(this IApplicationDbContext db, ICurrentUser user, Guid complaintId, CancellationToken ct)
    {
        if (!await (await db.VisibleAsync(user, ct)).AnyAsync(c => c.Id == complaintId, ct))
        {
            throw new NotFoundException("Complaint", complaintId);
        }
    }

    /// <summary>The complaint's files the caller may read (after <see cref="EnsureComplaintVisibleAsync"/>).</summary>
    public static IQueryable<Attachment> ReadableAttachments(this IApplicationDbContext db, ICurrentUser user, Guid complaintId)
    {
        var files = db.Attachments.Where(a => a.ComplaintId == complaintId);
        return user.ReadsPublicOnly() ? files.Where(a => a.Visibility == TimelineVisibility.Public) : files;
    }
}
