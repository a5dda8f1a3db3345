using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;

namespace CustomerCare.Infrastructure.Attachments;

/// <summary>
/// Evidence files in S3-compatible object storage (AWSSDK.S3), for API replicas that share no disk. A file of up to one
/// part is put whole; a larger one goes up as a multipart upload, one part in memory at a time, and becomes visible
/// only when the upload completes (a failure aborts it: nothing is left). Reads are ranged GETs behind a seekable stream.
/// </summary>
public sealed class S3AttachmentStore : IAttachmentStore, IDisposable
{
    /// <summary>The part size of multipart uploads (S3's minimum for every part but the last); also the memory one upload holds.</summary>
    public const int PartSize = 5 * 1024 * 1024;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    public S3AttachmentStore(AttachmentS3Options options)
    {
        _bucket = options.Bucket!;
        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Plain signed payloads: what every S3-compatible server understands (no streaming or trailing checksums).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var filled = await FillAsync(content, buffer, cancellationToken);
            if (filled < PartSize)
            {
                await PutAsync(key, buffer, filled, cancellationToken);
                return;
            }

            await UploadInPartsAsync(key, content, buffer, filled, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await _client.GetObjectMetadataAsync(_bucket, key, cancellationToken);
            return new S3ReadStream(_client, _bucket, key, head.ContentLength);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _client.DeleteObjectAsync(_bucket, key, cancellationToken);

    public void Dispose() => _client.Dispose();

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < PartSize && await content.ReadAsync(buffer.AsMemory(filled, PartSize - filled), ct) is var read and > 0)
        {
            filled += read;
        }

        return filled;
    }

    private async Task PutAsync(string key, byte[] buffer, int length, CancellationToken ct)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = body, AutoCloseStream = false, UseChunkEncoding = false }, ct);
    }

    private async Task UploadInPartsAsync(string key, Stream content, byte[] buffer, int filled, CancellationToken ct)
    {
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key }, ct);
        try
        {
            var parts = new List<PartETag>();
            while (filled > 0)
            {
                using (var body = new MemoryStream(buffer, 0, filled, writable: false))
                {
                    var part = await _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartNumber = parts.Count + 1, InputStream = body, PartSize = filled,
                        UseChunkEncoding = false,
                    }, ct);
                    parts.Add(new PartETag(parts.Count + 1, part.ETag));
                }

                filled = await FillAsync(content, buffer, ct);
            }

            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartETags = parts,
            }, ct);
        }
        catch
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
    }
}

/// <summary>
/// A stored object as a seekable stream: reads go through one GET from the current position to the end, reopened at
/// the new position after a seek (a range request reads only what it asked for).
/// </summary>
internal sealed class S3ReadStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    private GetObjectResponse? _response;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        _response ??= await client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket, Key = key, ByteRange = new ByteRange(_position, length - 1),
        }, cancellationToken);
        var read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        if (target < 0)
        {
            throw new IOException("Cannot seek before the start of the object.");
        }

        if (target != _position)
        {
            Close(ref _response);
            _position = target;
        }

        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close(ref _response);
        }

        base.Dispose(disposing);
    }

    private static void Close(ref GetObjectResponse? response)
    {
        response?.Dispose();
        response = null;
    }
}
