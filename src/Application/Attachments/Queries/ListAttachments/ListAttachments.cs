using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Attachments.Queries.ListAttachments;

/// <summary>The files of a complaint the caller may read, oldest first.</summary>
public sealed record ListAttachmentsQuery(Guid ComplaintId) : IQuery<IReadOnlyList<AttachmentDto>>;

public sealed class ListAttachmentsQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper) : IQueryHandler<ListAttachmentsQuery, IReadOnlyList<AttachmentDto>>
{
    public async ValueTask<IReadOnlyList<AttachmentDto>> Handle(ListAttachmentsQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureComplaintVisibleAsync(user, query.ComplaintId, cancellationToken);
        var files = await db.ReadableAttachments(user, query.ComplaintId).AsNoTracking().OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .ProjectTo<AttachmentDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
        return user.ReadsPublicOnly() ? files.Select(f => f.ForPublic()).ToList() : files;
    }
}
