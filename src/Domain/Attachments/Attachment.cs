using System.Text;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Domain.Attachments;

/// <summary>
/// A file of evidence on a complaint (a screenshot, a photo of the product, an invoice, a call recording): its sanitised
/// name, the content type its first bytes showed, its size and SHA-256, who may read it (staff only, or also the
/// complaint's partner), and where the store keeps its bytes. It exists only once its bytes are fully stored; it does not
/// change afterwards — it is deleted whole.
/// </summary>
public sealed class Attachment : AggregateRoot
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const int Sha256Length = 64;

    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        StorageKey = string.Empty;
        UploadedByKind = string.Empty;
    }

    private Attachment(Guid id, Guid complaintId, StoredFile file, TimelineVisibility visibility, Actor uploader, DateTimeOffset now)
        : base(id)
    {
        ComplaintId = complaintId;
        FileName = SanitiseFileName(file.FileName);
        ContentType = Guard.Text(file.ContentType, ContentTypeMaxLength, "contentType");
        Size = file.Size > 0 ? file.Size : throw new DomainException("attachment.empty", "The file is empty.");
        Sha256 = file.Sha256.Length == Sha256Length ? file.Sha256 : throw new ArgumentException("A SHA-256 is 64 hexadecimal digits.", nameof(file));
        StorageKey = file.StorageKey;
        Visibility = Enum.IsDefined(visibility) ? visibility : throw new DomainException("attachment.visibility", "Unknown visibility.");
        UploadedByKind = uploader.Kind;
        UploadedById = uploader.Id;
        UploadedAt = now;
    }

    public Guid ComplaintId { get; private set; }

    /// <summary>The name it was uploaded with, reduced to a safe file name (no path, no control characters).</summary>
    public string FileName { get; private set; }

    /// <summary>The media type the file's first bytes showed (not the one the uploader claimed).</summary>
    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the bytes: the download's ETag, and proof of what was received.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the attachment store keeps the bytes.</summary>
    public string StorageKey { get; private set; }

    /// <summary>Internal: staff only. Public: also the complaint's partner.</summary>
    public TimelineVisibility Visibility { get; private set; }

    public string UploadedByKind { get; private set; }

    public Guid? UploadedById { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static Attachment Create(Guid id, Guid complaintId, StoredFile file, TimelineVisibility visibility, Actor uploader, DateTimeOffset now) =>
        new(id, complaintId, file, visibility, uploader, now);

    /// <summary>
    /// A file name safe to store and to send back in <c>Content-Disposition</c>: the last path segment, without control
    /// characters or characters file systems refuse, at most <see cref="FileNameMaxLength"/> characters (the extension
    /// kept); Chinese and other letters stay as they are. Nothing left: <c>file</c>.
    /// </summary>
    public static string SanitiseFileName(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsControl(c) || c is '"' or '<' or '>' or ':' or '|' or '?' or '*' ? '_' : c);
        }

        var text = clean.ToString().Trim().Trim('.').Trim();
        if (text.Length > FileNameMaxLength)
        {
            var extension = Path.GetExtension(text);
            extension = extension.Length is > 0 and <= 16 ? extension : string.Empty;
            var keep = FileNameMaxLength - extension.Length;
            keep -= char.IsHighSurrogate(text[keep - 1]) ? 1 : 0; // never half a character
            text = text[..keep] + extension;
        }

        return text.Length == 0 ? "file" : text;
    }
}

/// <summary>What the store and the upload found out about a file fully stored.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string Sha256, string StorageKey);
