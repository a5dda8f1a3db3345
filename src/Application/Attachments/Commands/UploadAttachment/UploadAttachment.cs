using AutoMapper;
using CustomerCare.Application.Attachments.Queries.ListAttachments;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Domain.Attachments;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Attachments.Commands.UploadAttachment;

/// <summary>
/// Attaches a file to a complaint the caller may see, streamed from the request into the store: its type told by its
/// first bytes (one not allowed, or not what <see cref="DeclaredContentType"/> claims: 415), its size held to the file's
/// and the complaint's limits as it arrives (413), hashed on the way. Staff files are internal unless made public; a
/// partner's are public (it reads them back). The record exists only once the bytes are stored; a failure leaves
/// neither.
/// </summary>
public sealed record UploadAttachmentCommand(Guid ComplaintId, string? FileName, string? DeclaredContentType, TimelineVisibility? Visibility, Stream Content)
    : ICommand<AttachmentDto>;

public sealed class UploadAttachmentCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IAttachmentStore store, IMapper mapper, TimeProvider time, IOptions<AttachmentOptions> options)
    : ICommandHandler<UploadAttachmentCommand, AttachmentDto>
{
    /// <summary>Names other programs give the types <see cref="FileSignatures"/> tells.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpg"] = FileSignatures.Jpeg,
        ["image/pjpeg"] = FileSignatures.Jpeg,
        ["audio/mp3"] = FileSignatures.Mp3,
        ["audio/x-wav"] = FileSignatures.Wav,
        ["audio/wave"] = FileSignatures.Wav,
        ["audio/vnd.wave"] = FileSignatures.Wav,
        ["audio/x-m4a"] = FileSignatures.Mp4,
        ["audio/m4a"] = FileSignatures.Mp4,
        ["video/mp4"] = FileSignatures.Mp4,
        ["application/x-pdf"] = FileSignatures.Pdf,
    };

    public async ValueTask<AttachmentDto> Handle(UploadAttachmentCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureComplaintVisibleAsync(user, command.ComplaintId, cancellationToken);
        var partner = user.ReadsPublicOnly();
        if (partner && command.Visibility == TimelineVisibility.Internal)
        {
            throw new ValidationException("visibility", "A partner's files are public: it reads them back.");
        }

        var limits = options.Value;
        var used = await db.Attachments.Where(a => a.ComplaintId == command.ComplaintId).SumAsync(a => (long?)a.Size, cancellationToken) ?? 0;
        var room = limits.MaxComplaintBytes - used;
        if (room <= 0)
        {
            throw new FileTooLargeException($"The complaint's files already take {used} of the {limits.MaxComplaintBytes} bytes it may hold.");
        }

        var head = await ReadHeadAsync(command.Content, cancellationToken);
        var type = FileSignatures.Detect(head);
        if (type is null || !limits.Accepted.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw new UnsupportedFileTypeException($"The file is not of a type accepted here ({string.Join(", ", limits.Accepted)}), judged by its first bytes.");
        }

        if (Declared(command.DeclaredContentType) is { } declared && !string.Equals(declared, type, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedFileTypeException($"The file claims to be {declared}, but its first bytes are those of {type}.");
        }

        var limit = Math.Min(limits.MaxFileBytes, room);
        var id = Guid.CreateVersion7();
        var key = $"{command.ComplaintId:N}/{id:N}";
        using var content = new EvidenceStream(head, command.Content, limit, () => limit < limits.MaxFileBytes
            ? new FileTooLargeException($"The complaint may take {room} more bytes of files; this file is larger.")
            : new FileTooLargeException($"A file may be at most {limits.MaxFileBytes} bytes."));
        await store.SaveAsync(key, content, cancellationToken);
        try
        {
            var attachment = Attachment.Create(id, command.ComplaintId,
                new StoredFile(command.FileName ?? string.Empty, type, content.Count, content.Sha256(), key),
                command.Visibility ?? (partner ? TimelineVisibility.Public : TimelineVisibility.Internal), user.Actor(), time.GetUtcNow());
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(cancellationToken);
            var dto = mapper.Map<AttachmentDto>(attachment);
            return partner ? dto.ForPublic() : dto;
        }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None); // never a file without its record
            throw;
        }
    }

    /// <summary>The type the uploader claimed, by its usual name; none (or the generic octet stream) claims nothing.</summary>
    private static string? Declared(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return string.IsNullOrEmpty(media) || media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            ? null
            : Aliases.GetValueOrDefault(media, media);
    }

    private static async Task<byte[]> ReadHeadAsync(Stream content, CancellationToken ct)
    {
        var head = new byte[FileSignatures.HeadLength];
        var filled = 0;
        while (filled < head.Length && await content.ReadAsync(head.AsMemory(filled), ct) is var read and > 0)
        {
            filled += read;
        }

        return head[..filled];
    }
}
