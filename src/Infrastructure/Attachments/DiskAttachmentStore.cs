using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Attachments;

/// <summary>
/// Evidence files in a directory (<c>CustomerCare:Attachments:Directory</c>; by default the user's local data folder):
/// the embedded store for one machine. A file is written under a temporary name and renamed into place once whole, so a
/// key never names half a file; a failed write removes its temporary file.
/// </summary>
public sealed class DiskAttachmentStore(IOptions<AttachmentOptions> options) : IAttachmentStore
{
    private const int BufferSize = 81920;

    public static string DefaultDirectory => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "customercare", "attachments");

    public string Root { get; } = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.Directory) ? DefaultDirectory : options.Value.Directory);

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(partial, path, overwrite: false);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>The file a key names, always inside <see cref="Root"/> (keys are ours, but a store checks anyway).</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("An attachment key names a file inside the store.", nameof(key));
    }
}
