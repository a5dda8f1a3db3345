using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Webhooks;

namespace CustomerCare.Domain.UnitTests.Webhooks;

public sealed class WebhookEventTypesTests
{
    [TestCase(TimelineEntryKind.Received, null, ComplaintStatus.Received, new[] { "complaint.received" })]
    [TestCase(TimelineEntryKind.Registered, ComplaintStatus.Received, ComplaintStatus.Registered, new[] { "complaint.statusChanged" })]
    [TestCase(TimelineEntryKind.Closed, ComplaintStatus.Resolved, ComplaintStatus.Closed, new[] { "complaint.statusChanged", "complaint.closed" })]
    [TestCase(TimelineEntryKind.Reopened, ComplaintStatus.Resolved, ComplaintStatus.Investigated, new[] { "complaint.statusChanged", "complaint.reopened" })]
    [TestCase(TimelineEntryKind.Transferred, null, null, new[] { "complaint.assigned" })]
    [TestCase(TimelineEntryKind.SlaBreached, null, null, new[] { "complaint.slaBreached" })]
    [TestCase(TimelineEntryKind.NoteAdded, null, null, new[] { "complaint.updated" })]
    [TestCase(TimelineEntryKind.SolutionAccepted, ComplaintStatus.Solution, ComplaintStatus.Solution, new[] { "complaint.updated" })]
    public void For_MapsATimelineEntryToTheEventsItStandsFor(TimelineEntryKind kind, ComplaintStatus? from, ComplaintStatus? to, string[] expected) =>
        Assert.That(WebhookEventTypes.For(kind, from, to), Is.EqualTo(expected));

    [Test]
    public void For_EveryKind_ProducesOnlyKnownTypes() =>
        Assert.That(Enum.GetValues<TimelineEntryKind>().SelectMany(k => WebhookEventTypes.For(k, null, null)), Is.All.Matches<string>(WebhookEventTypes.IsKnown));

    [Test]
    public void Create_WithUnknownTypeOrNonHttpUrl_IsRefused()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Multiple(() =>
        {
            Assert.That(() => WebhookSubscription.Create(null, new Uri("https://x.example/h"), ["complaint.nope"], "s", null, now),
                Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("webhook.eventTypes"));
            Assert.That(() => WebhookSubscription.Create(null, new Uri("ftp://x.example/h"), [WebhookEventTypes.Closed], "s", null, now),
                Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("webhook.url"));
            Assert.That(() => WebhookSubscription.Create(null, new Uri("https://user:pw@x.example/h"), [WebhookEventTypes.Closed], "s", null, now),
                Throws.TypeOf<DomainException>());
        });
    }

    [Test]
    public void Wants_OnlyWhenActiveAndSubscribed()
    {
        var now = DateTimeOffset.UtcNow;
        var subscription = WebhookSubscription.Create(null, new Uri("https://x.example/h"), [WebhookEventTypes.Closed, WebhookEventTypes.Closed], "s", null, now);
        Assert.Multiple(() =>
        {
            Assert.That(subscription.EventTypes, Is.EqualTo(new[] { WebhookEventTypes.Closed }), "duplicates collapse");
            Assert.That(subscription.Wants(WebhookEventTypes.Closed), Is.True);
            Assert.That(subscription.Wants(WebhookEventTypes.Received), Is.False);
        });
        subscription.Change(new Uri("https://x.example/h"), [WebhookEventTypes.Closed], null, isActive: false, now);
        Assert.That(subscription.Wants(WebhookEventTypes.Closed), Is.False);
    }

    [Test]
    public void NewSecret_IsUnguessableAndInTheStandardFormat()
    {
        var a = WebhookSubscription.NewSecret();
        var b = WebhookSubscription.NewSecret();
        Assert.Multiple(() =>
        {
            Assert.That(a, Does.StartWith("whsec_"));
            Assert.That(Convert.FromBase64String(a["whsec_".Length..]), Has.Length.EqualTo(32));
            Assert.That(a, Is.Not.EqualTo(b));
        });
    }
}
