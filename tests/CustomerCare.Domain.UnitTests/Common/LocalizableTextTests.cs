using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Domain.UnitTests.Common;

public class LocalizableTextTests
{
    [Test]
    public void AnInterpolatedText_KeepsItsFormat_AndItsValuesApart()
    {
        var due = new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero);
        LocalizableText text = $"Due {due:u}; {3} points, {{literal}} braces.";

        Assert.Multiple(() =>
        {
            Assert.That(text.Format, Is.EqualTo("Due {0}; {1} points, {{literal}} braces."), "the format is the key of the translation");
            Assert.That(text.Arguments.Select(a => a.Format), Is.EqualTo(new[] { "u", null }));
            Assert.That(text.ToString(), Is.EqualTo("Due 2026-10-08 09:00:00Z; 3 points, {literal} braces."));
        });
    }

    [Test]
    public void InEnglish_EnumsAreWrittenAsTheApiWritesThem_AndListsJoinedWithCommas()
    {
        IReadOnlyList<ComplaintAction> allowed = [ComplaintAction.Register, ComplaintAction.LogContact];
        LocalizableText text = $"Cannot {ComplaintAction.Resolve} a complaint that is {ComplaintStatus.Received}. Allowed now: {allowed}.";

        Assert.That(text.ToString(), Is.EqualTo("Cannot resolve a complaint that is received. Allowed now: register, logContact."));
    }

    [Test]
    public void ATranslation_ReplacesTheFormat_AndRendersEachValue_NestedTextsIncluded()
    {
        LocalizableText resource = "Complaint";
        LocalizableText text = $"{resource} '{42}' was not found.";
        var chinese = new Dictionary<string, string> { ["{0} '{1}' was not found."] = "未找到{0}“{1}”。", ["Complaint"] = "投诉" };

        var said = text.Render(f => chinese.GetValueOrDefault(f), (value, format, item) => LocalizableText.RenderEnglish(value, format, item));

        Assert.Multiple(() =>
        {
            Assert.That(said, Is.EqualTo("未找到投诉“42”。"));
            Assert.That(text.ToString(), Is.EqualTo("Complaint '42' was not found."));
        });
    }

    [Test]
    public void AComplaintRefusal_CarriesItsValues_ForTheApiToTranslate()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var agent = Actor.Staff(Guid.CreateVersion7());
        var complaint = Complaint.Receive("CC-2026-000001",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "Broken kettle", "It leaks.", "A new one", null, null, null, null, null, null), agent, now);

        var refusal = Assert.Throws<DomainException>(() => complaint.Resolve(new Resolution("Kettle replaced", 20m, "cny", "voucher", now), agent, now))!;

        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text.Format, Is.EqualTo("{0} Allowed now: {1}."));
            Assert.That(refusal.Text.Arguments[0].Value, Is.TypeOf<LocalizableText>());
            Assert.That(((LocalizableText)refusal.Text.Arguments[0].Value!).Format, Is.EqualTo("Cannot {0} a complaint that is {1}."));
            Assert.That(refusal.Message, Does.StartWith("Cannot resolve a complaint that is received. Allowed now: register"));
        });
    }
}
