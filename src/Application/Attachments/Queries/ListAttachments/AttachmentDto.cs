using AutoMapper;
using CustomerCare.Domain.Attachments;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Attachments.Queries.ListAttachments;

/// <summary>
/// A file of evidence on a complaint: its name, the media type its bytes showed, size, SHA-256 (also the download's
/// ETag), who may read it, and who uploaded it when (a staff member's id only for staff).
/// </summary>
public sealed record AttachmentDto
{
    public Guid Id { get; init; }

    public Guid ComplaintId { get; init; }

    public string FileName { get; init; } = string.Empty;

    public string ContentType { get; init; } = string.Empty;

    public long Size { get; init; }

    /// <summary>Lower-case hexadecimal SHA-256 of the bytes.</summary>
    public string Sha256 { get; init; } = string.Empty;

    public TimelineVisibility Visibility { get; init; }

    /// <summary><c>staff</c> or <c>partner</c>.</summary>
    public string UploadedByKind { get; init; } = string.Empty;

    public Guid? UploadedById { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>What a partner may read: a staff uploader stays anonymous.</summary>
    public AttachmentDto ForPublic() => this with { UploadedById = TimelineVisibilities.PublicActorId(UploadedByKind, UploadedById) };

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Attachment, AttachmentDto>();
    }
}
