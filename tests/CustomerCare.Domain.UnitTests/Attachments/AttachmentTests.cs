using CustomerCare.Domain.Attachments;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Domain.UnitTests.Attachments;

public class AttachmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [TestCase("../../etc/passwd", "passwd")]
    [TestCase(@"C:\Users\王\发票.pdf", "发票.pdf")]
    [TestCase("bad\"name<>|?*:.png", "bad_name______.png")]
    [TestCase("line\r\nbreak.jpg", "line__break.jpg")]
    [TestCase(" .hidden. ", "hidden")]
    [TestCase("", "file")]
    [TestCase("...", "file")]
    public void AFileName_IsReducedToASafeOne(string given, string stored) =>
        Assert.That(Attachment.SanitiseFileName(given), Is.EqualTo(stored));

    [Test]
    public void ALongFileName_KeepsItsExtension_AndNeverHalfACharacter()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 150)) + ".png"; // 300 UTF-16 units before the extension
        var stored = Attachment.SanitiseFileName(emoji);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.Length.LessThanOrEqualTo(Attachment.FileNameMaxLength));
            Assert.That(stored, Does.EndWith(".png"));
            Assert.That(char.IsHighSurrogate(stored[^5]), Is.False, "no lone high surrogate before the extension");
        });
    }

    [Test]
    public void AnEmptyFile_IsNotEvidence()
    {
        var refused = Assert.Throws<DomainException>(() => Attachment.Create(Guid.NewGuid(), Guid.NewGuid(),
            new StoredFile("a.png", "image/png", 0, new string('0', 64), "k"), TimelineVisibility.Internal, Actor.Staff(Guid.NewGuid()), Now));
        Assert.That(refused!.Code, Is.EqualTo("attachment.empty"));
    }
}
