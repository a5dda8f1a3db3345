using CustomerCare.Domain.Complaints;

namespace CustomerCare.Domain.UnitTests.Complaints;

public class TimelineVisibilityTests
{
    private static readonly TimelineEntryKind[] Internal =
    [
        TimelineEntryKind.Assigned, TimelineEntryKind.Transferred, TimelineEntryKind.ContactLogged, TimelineEntryKind.NoteAdded,
        TimelineEntryKind.SlaAtRisk, TimelineEntryKind.SlaBreached, TimelineEntryKind.Reclassified, TimelineEntryKind.SlaPaused,
        TimelineEntryKind.SlaResumed, TimelineEntryKind.SolutionStepDone, TimelineEntryKind.ReturnedToQueue,
        TimelineEntryKind.SolutionSubmitted, TimelineEntryKind.SolutionApproved, TimelineEntryKind.SolutionSentBack, TimelineEntryKind.AttachmentRemoved,
    ];

    private static readonly TimelineEntryKind[] Public =
    [
        TimelineEntryKind.Received, TimelineEntryKind.Registered, TimelineEntryKind.Investigated, TimelineEntryKind.SolutionProposed,
        TimelineEntryKind.SolutionAccepted, TimelineEntryKind.SolutionRejected, TimelineEntryKind.Resolved, TimelineEntryKind.Reopened,
        TimelineEntryKind.Closed, TimelineEntryKind.ReComplained, TimelineEntryKind.PublicReply, TimelineEntryKind.CustomerInformed, TimelineEntryKind.LinkedToIncident,
    ];

    [Test]
    public void EveryKind_HasAVisibilityDecidedHere_SoANewKindCannotDefaultToPublic()
    {
        // A new kind fails here until it is added to one of the two lists above (and decided in TimelineVisibilities).
        Assert.That(Enum.GetValues<TimelineEntryKind>(), Is.EquivalentTo(Internal.Concat(Public)));
        Assert.Multiple(() =>
        {
            foreach (var kind in Internal)
            {
                Assert.That(TimelineVisibilities.Of(kind), Is.EqualTo(TimelineVisibility.Internal), kind.ToString());
            }

            foreach (var kind in Public)
            {
                Assert.That(TimelineVisibilities.Of(kind), Is.EqualTo(TimelineVisibility.Public), kind.ToString());
            }
        });
    }

    [Test]
    public void Of_AnUndecidedKind_Throws()
    {
        Assert.That(() => TimelineVisibilities.Of((TimelineEntryKind)999), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PublicEntries_ShowTheirTextOnlyWhereItIsWhatTheCustomerWasTold_AndNoStaffId()
    {
        var staff = Guid.NewGuid();
        var partner = Guid.NewGuid();
        Assert.Multiple(() =>
        {
            Assert.That(Public.Where(TimelineVisibilities.TextIsPublic),
                Is.EquivalentTo(new[] { TimelineEntryKind.Received, TimelineEntryKind.SolutionProposed, TimelineEntryKind.Resolved, TimelineEntryKind.PublicReply,
                    TimelineEntryKind.CustomerInformed }));
            Assert.That(Internal.Where(TimelineVisibilities.TextIsPublic), Is.Empty);
            Assert.That(TimelineVisibilities.PublicText(TimelineEntryKind.Investigated, "Findings: the seal"), Is.Null);
            Assert.That(TimelineVisibilities.PublicText(TimelineEntryKind.Resolved, "Kettle replaced"), Is.EqualTo("Kettle replaced"));
            Assert.That(TimelineVisibilities.PublicActorId("staff", staff), Is.Null);
            Assert.That(TimelineVisibilities.PublicActorId("partner", partner), Is.EqualTo(partner));
        });
    }
}
