using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Attachments.Commands.DeleteAttachment;

/// <summary>
/// Deletes a file of a complaint: staff who may see the complaint, or the partner that uploaded it. The complaint's
/// timeline records the removal (the file's name, who, when: internal); the bytes leave the store once that is committed.
/// </summary>
public sealed record DeleteAttachmentCommand(Guid ComplaintId, Guid AttachmentId) : ICommand;

public sealed class DeleteAttachmentCommandHandler(IApplicationDbContext db, ICurrentUser user, IAttachmentStore store, TimeProvider time)
    : ICommandHandler<DeleteAttachmentCommand>
{
    public async ValueTask<Unit> Handle(DeleteAttachmentCommand command, CancellationToken cancellationToken)
    {
        var complaint = await (await db.VisibleAsync(user, cancellationToken)).SingleOrDefaultAsync(c => c.Id == command.ComplaintId, cancellationToken)
            ?? throw new NotFoundException("Complaint", command.ComplaintId);
        EscalationAuthority.EnsureMayAct(user, complaint); // an escalated re-complaint's evidence is its level's to remove
        var file = await db.ReadableAttachments(user, command.ComplaintId).SingleOrDefaultAsync(a => a.Id == command.AttachmentId, cancellationToken)
            ?? throw new NotFoundException("Attachment", command.AttachmentId);
        if (user.ReadsPublicOnly() && (file.UploadedByKind != user.Actor().Kind || file.UploadedById != user.Id))
        {
            throw new ForbiddenException("A partner deletes only the files it uploaded.");
        }

        complaint.RecordAttachmentRemoved(file.FileName, user.Actor(), time.GetUtcNow());
        db.Attachments.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(file.StorageKey, CancellationToken.None);
        return Unit.Value;
    }
}
