namespace CustomerCare.Application.Attachments;

/// <summary>
/// The media types evidence may have, told by the file's first bytes ("magic numbers"), never by its name or the type
/// the uploader claimed: a <c>.jpg</c> that starts like a Windows executable is not a picture.
/// </summary>
public static class FileSignatures
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int HeadLength = 16;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string Webp = "image/webp";
    public const string Pdf = "application/pdf";
    public const string Mp3 = "audio/mpeg";
    public const string Wav = "audio/wav";
    public const string Mp4 = "audio/mp4";
    public const string Amr = "audio/amr";

    /// <summary>Every type this class recognises: photos, screenshots, scanned invoices (PDF) and call recordings.</summary>
    public static readonly IReadOnlyList<string> Known = [Jpeg, Png, Gif, Webp, Pdf, Mp3, Wav, Mp4, Amr];

    /// <summary>The media type the bytes start like, or null when they start like none of <see cref="Known"/>.</summary>
    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? Gif
        : Riff(head, "WEBP"u8) ? Webp
        : Riff(head, "WAVE"u8) ? Wav
        : head.StartsWith("%PDF-"u8) ? Pdf
        : head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0) ? Mp3
        : head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8) ? Mp4
        : head.StartsWith("#!AMR"u8) ? Amr
        : null;

    private static bool Riff(ReadOnlySpan<byte> head, ReadOnlySpan<byte> form) =>
        head.StartsWith("RIFF"u8) && head.Length >= 12 && head[8..12].SequenceEqual(form);
}
