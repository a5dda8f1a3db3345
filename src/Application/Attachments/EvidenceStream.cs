using System.Security.Cryptography;

namespace CustomerCare.Application.Attachments;

/// <summary>
/// The upload as the store reads it: the bytes already read to tell the type, then the rest of the request, hashed
/// (SHA-256) and counted on the way through; one byte past <paramref name="limit"/> ends the read with <paramref name="tooLarge"/> (a
/// 413; the store then keeps nothing). Read forward only, a buffer at a time: never the whole file in memory.
/// </summary>
internal sealed class EvidenceStream(byte[] head, Stream rest, long limit, Func<Exception> tooLarge) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _headRead;

    /// <summary>How many bytes went through.</summary>
    public long Count { get; private set; }

    /// <summary>The SHA-256 of every byte that went through, in lower-case hexadecimal (once the stream is read to its end).</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _headRead < head.Length ? ReadHead(buffer) : rest.Read(buffer);
        return Counted(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = _headRead < head.Length ? ReadHead(buffer.Span) : await rest.ReadAsync(buffer, cancellationToken);
        return Counted(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int ReadHead(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, head.Length - _headRead);
        head.AsSpan(_headRead, n).CopyTo(buffer);
        _headRead += n;
        return n;
    }

    private int Counted(ReadOnlySpan<byte> bytes)
    {
        Count += bytes.Length;
        if (Count > limit)
        {
            throw tooLarge();
        }

        _hash.AppendData(bytes);
        return bytes.Length;
    }
}
