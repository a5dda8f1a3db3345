using AutoMapper;
using CustomerCare.Application.Attachments.Queries.ListAttachments;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Attachments.Queries.GetAttachmentContent;

/// <summary>A file and a seekable stream of its bytes (the caller disposes it).</summary>
public sealed record AttachmentContent(AttachmentDto Attachment, Stream Content);

/// <summary>The bytes of one file of a complaint the caller may read.</summary>
public sealed record GetAttachmentContentQuery(Guid ComplaintId, Guid AttachmentId) : IQuery<AttachmentContent>;

public sealed class GetAttachmentContentQueryHandler(IApplicationDbContext db, ICurrentUser user, IAttachmentStore store, IMapper mapper)
    : IQueryHandler<GetAttachmentContentQuery, AttachmentContent>
{
    public async ValueTask<AttachmentContent> Handle(GetAttachmentContentQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureComplaintVisibleAsync(user, query.ComplaintId, cancellationToken);
        var file = await db.ReadableAttachments(user, query.ComplaintId).AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AttachmentId, cancellationToken)
            ?? throw new NotFoundException("Attachment", query.AttachmentId);
        var content = await store.OpenReadAsync(file.StorageKey, cancellationToken)
            ?? throw new GoneException("The file's bytes are no longer in the store.");
        var dto = mapper.Map<AttachmentDto>(file);
        return new AttachmentContent(user.ReadsPublicOnly() ? dto.ForPublic() : dto, content);
    }
}
