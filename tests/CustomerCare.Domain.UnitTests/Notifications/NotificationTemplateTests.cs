using CustomerCare.Domain.Notifications;

namespace CustomerCare.Domain.UnitTests.Notifications;

public class NotificationTemplateTests
{
    [Test]
    public void Render_PutsTheValuesIn_AndEscapesHtmlOnlyInTheHtmlPart()
    {
        var template = new NotificationTemplate(NotificationEvent.ComplaintReceived, NotificationChannel.Email, "zh-CN",
            "投诉 {{number}} 已受理", "{{customerName}}，您好：\n我们已收到您的投诉 {{ number }}，将于 {{firstContactDue}} 前联系您。<b>谢谢</b>");

        var rendered = template.Render(new Dictionary<string, string?>
        {
            ["number"] = "CC-2026-000001", ["customerName"] = "王<script>芳", ["firstContactDue"] = "2026-12-03 09:00",
        });

        Assert.Multiple(() =>
        {
            Assert.That(rendered.Subject, Is.EqualTo("投诉 CC-2026-000001 已受理"));
            Assert.That(rendered.Text, Is.EqualTo("王<script>芳，您好：\n我们已收到您的投诉 CC-2026-000001，将于 2026-12-03 09:00 前联系您。<b>谢谢</b>"));
            Assert.That(rendered.Html, Does.Contain("王&lt;script&gt;芳，您好：<br>"));
            Assert.That(rendered.Html, Does.Contain("&lt;b&gt;谢谢&lt;/b&gt;"), "the template's own text is escaped too");
            Assert.That(rendered.Html, Does.Not.Contain("<script>"));
            Assert.That(rendered.SmsSegments, Is.Zero);
        });
    }

    [Test]
    public void UnknownPlaceholders_AreTheOnesItsEventDoesNotOffer()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NotificationTemplate.UnknownPlaceholders(NotificationEvent.SolutionProposed, "{{number}} {{solution}} {{outcome}} {{ nme }}"),
                Is.EqualTo(new[] { "outcome", "nme" }));
            Assert.That(NotificationTemplate.UnknownPlaceholders(NotificationEvent.ComplaintResolved, "{{outcome}}"), Is.Empty);
            Assert.That(NotificationTemplate.UnknownPlaceholders(NotificationEvent.ComplaintResolved, "{{}}"), Is.EqualTo(new[] { string.Empty }));
        });
    }

    [TestCase("zh-CN", "zh-CN")]
    [TestCase("zh", "zh-CN")]
    [TestCase("en-GB", "en")]
    [TestCase(null, "zh-CN")]
    [TestCase("fr", "zh-CN")]
    public void LanguageFor_ChoosesAShippedLanguage(string? preferred, string expected) =>
        Assert.That(NotificationTemplate.LanguageFor(preferred), Is.EqualTo(expected));
}

public class SmsTextTests
{
    [TestCase("", 0)]
    [TestCase("Your complaint CC-2026-000001 was received.", 1)]
    public void Segments_OfLatinText_Are160Characters(string text, int expected) => Assert.That(SmsText.Segments(text), Is.EqualTo(expected));

    [Test]
    public void Segments_CountChineseAt70PerMessage_And67PerPart()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SmsText.Segments(new string('投', 70)), Is.EqualTo(1));
            Assert.That(SmsText.Segments(new string('投', 71)), Is.EqualTo(2));
            Assert.That(SmsText.Segments(new string('投', 134)), Is.EqualTo(2));
            Assert.That(SmsText.Segments(new string('投', 135)), Is.EqualTo(3));
            Assert.That(SmsText.Segments(new string('a', 160)), Is.EqualTo(1));
            Assert.That(SmsText.Segments(new string('a', 161)), Is.EqualTo(2));
            Assert.That(SmsText.Segments(new string('a', 159) + "€"), Is.EqualTo(2), "an extension character takes two septets");
        });
    }
}

public class QuietHoursTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Test]
    public void NextAllowed_InTheEvening_IsEightOClockNextMorning()
    {
        var evening = new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.FromHours(8));

        Assert.That(QuietHours.Default.NextAllowed(evening, Shanghai), Is.EqualTo(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(8))));
    }

    [Test]
    public void NextAllowed_AfterMidnight_IsEightTheSameMorning_AndInTheDayIsNow()
    {
        var night = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.FromHours(8));
        var day = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));

        Assert.Multiple(() =>
        {
            Assert.That(QuietHours.Default.NextAllowed(night, Shanghai), Is.EqualTo(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8))));
            Assert.That(QuietHours.Default.NextAllowed(day, Shanghai), Is.EqualTo(day));
            Assert.That(QuietHours.Default.NextAllowed(day.AddHours(13).AddTicks(-1), Shanghai), Is.EqualTo(day.AddHours(13).AddTicks(-1)));
        });
    }

    [Test]
    public void Parse_ReadsAPeriod_AndEqualEndsMeanNone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(QuietHours.Parse("22:00-07:30"), Is.EqualTo(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30))));
            Assert.That(QuietHours.Parse("00:00-00:00").IsNone, Is.True);
            Assert.That(() => QuietHours.Parse("late"), Throws.TypeOf<CustomerCare.Domain.Common.DomainException>());
        });
    }
}
