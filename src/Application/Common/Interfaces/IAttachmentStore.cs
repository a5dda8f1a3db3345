namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Where the bytes of evidence files live: a directory on disk, or S3-compatible object storage for several replicas.
/// Keys are the store's own; a file is readable under its key only once <see cref="SaveAsync"/> has completed.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores the stream under the key, whole or not at all (a failed or cancelled save leaves nothing behind).</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>A seekable stream of the stored bytes (ranges are served from it); null when the key holds nothing.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the bytes; nothing happens when the key holds nothing.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
