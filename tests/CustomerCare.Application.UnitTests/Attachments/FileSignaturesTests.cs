using CustomerCare.Application.Attachments;

namespace CustomerCare.Application.UnitTests.Attachments;

public class FileSignaturesTests
{
    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p switch { string text => System.Text.Encoding.ASCII.GetBytes(text), byte[] raw => raw, int b => [(byte)b], _ => [] })
            .Concat(new byte[16]).Take(16).ToArray();

    [Test]
    public void EveryKnownType_IsToldByItsFirstBytes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FileSignatures.Detect(Bytes(0xFF, 0xD8, 0xFF, 0xE0)), Is.EqualTo(FileSignatures.Jpeg));
            Assert.That(FileSignatures.Detect(Bytes(0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A)), Is.EqualTo(FileSignatures.Png));
            Assert.That(FileSignatures.Detect(Bytes("GIF89a")), Is.EqualTo(FileSignatures.Gif));
            Assert.That(FileSignatures.Detect(Bytes("RIFF", 0, 0, 0, 0, "WEBP")), Is.EqualTo(FileSignatures.Webp));
            Assert.That(FileSignatures.Detect(Bytes("RIFF", 0, 0, 0, 0, "WAVE")), Is.EqualTo(FileSignatures.Wav));
            Assert.That(FileSignatures.Detect(Bytes("%PDF-1.7")), Is.EqualTo(FileSignatures.Pdf));
            Assert.That(FileSignatures.Detect(Bytes("ID3")), Is.EqualTo(FileSignatures.Mp3));
            Assert.That(FileSignatures.Detect(Bytes(0xFF, 0xFB, 0x90)), Is.EqualTo(FileSignatures.Mp3));
            Assert.That(FileSignatures.Detect(Bytes(0, 0, 0, 0x20, "ftypM4A ")), Is.EqualTo(FileSignatures.Mp4));
            Assert.That(FileSignatures.Detect(Bytes("#!AMR\n")), Is.EqualTo(FileSignatures.Amr));
        });
    }

    [Test]
    public void WhatIsNoneOfThem_IsNotEvidence()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FileSignatures.Detect(Bytes("MZ", 0x90, 0)), Is.Null, "a Windows executable");
            Assert.That(FileSignatures.Detect(Bytes(0x7F, "ELF")), Is.Null, "a Linux executable");
            Assert.That(FileSignatures.Detect(Bytes("<html>")), Is.Null);
            Assert.That(FileSignatures.Detect(Bytes("RIFF", 0, 0, 0, 0, "AVI ")), Is.Null, "RIFF of another form");
            Assert.That(FileSignatures.Detect([]), Is.Null, "an empty file");
        });
    }
}
