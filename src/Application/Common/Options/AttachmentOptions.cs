using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>Evidence files on complaints, under <c>CustomerCare:Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "CustomerCare:Attachments";

    /// <summary>The largest file, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most all files of one complaint take together, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxComplaintBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// The media types accepted, each recognised by its first bytes (<see cref="Attachments.FileSignatures"/>); empty: all
    /// of those. An operator narrows it (<c>CustomerCare__Attachments__AllowedTypes__0=image/jpeg</c>, …); a type that
    /// cannot be told by its bytes is refused at start.
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    /// <summary>The types accepted now.</summary>
    public IReadOnlyList<string> Accepted => AllowedTypes.Count == 0 ? Attachments.FileSignatures.Known : AllowedTypes;

    /// <summary>The directory files are kept in when no S3 store is configured. Default: the user's local data folder.</summary>
    public string? Directory { get; set; }

    /// <summary>S3-compatible object storage, for several replicas; used instead of the directory when its service URL is set.</summary>
    public AttachmentS3Options S3 { get; set; } = new();
}

/// <summary>An S3-compatible store (<c>CustomerCare:Attachments:S3</c>): service URL, bucket and credentials.</summary>
public sealed class AttachmentS3Options
{
    /// <summary>The service's URL (<c>https://s3.cn-north-1.amazonaws.com.cn</c>, a MinIO or OSS endpoint); none: the disk store.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Address the bucket in the path (<c>host/bucket/key</c>) rather than in the host name, as most compatible servers want.</summary>
    public bool ForcePathStyle { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServiceUrl);
}
