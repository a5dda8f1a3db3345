using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Api.Infrastructure.Limits;

/// <summary>Request limits, under <c>CustomerCare:Limits</c>.</summary>
public sealed class LimitOptions
{
    public const string SectionName = "CustomerCare:Limits";

    /// <summary>Largest request body, in bytes, but where an endpoint says otherwise. Default 1 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest bulk import body, in bytes. Default 10 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxImportBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Requests per window for each partner key's partner…</summary>
    public RateLimit Partner { get; set; } = new() { PermitLimit = 600 };

    /// <summary>…for each signed-in staff member…</summary>
    public RateLimit User { get; set; } = new() { PermitLimit = 300 };

    /// <summary>…and for each client address without credentials.</summary>
    public RateLimit Anonymous { get; set; } = new() { PermitLimit = 120 };
}

public sealed class RateLimit
{
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 300;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Endpoint metadata: this endpoint takes bodies up to <see cref="LimitOptions.MaxImportBodyBytes"/>.</summary>
public sealed class ImportBodySizeMetadata;

/// <summary>Endpoint metadata: this endpoint takes one file of evidence, up to <c>CustomerCare:Attachments:MaxFileBytes</c> and its form's overhead.</summary>
public sealed class AttachmentUploadMetadata
{
    /// <summary>What the multipart framing and the other fields may add to the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;
}

/// <summary>Endpoint metadata: this endpoint answers a file of evidence (documented by the attachment operation filter).</summary>
public sealed class AttachmentDownloadMetadata;
