using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Complaints.Events;
using CustomerCare.Domain.Incidents;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.UnitTests.Incidents;

public class IncidentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Supervisor = Actor.Staff(Guid.CreateVersion7());

    private static Incident Open() => Incident.Open(new NewIncident(" 光缆中断 ", null, "network", "宽带", "滨江区", Now.AddHours(-2)), Supervisor.Id, Now);

    private static Complaint Registered()
    {
        var complaint = Complaint.Receive("CC-2026-000001",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "No internet", "LOS light red.", null, null, null, null, null, null, null), Supervisor, Now);
        complaint.Register("technicalFault", Severity.General, true, null, RepeatInfo.None, Supervisor, Now);
        return complaint;
    }

    [Test]
    public void ResolvingAgain_WithTheSameResolution_ChangesNothing_WithAnotherIsRefused_AndNoComplaintJoinsAResolvedOne()
    {
        var incident = Open();
        incident.Resolve("Spliced", null, Now.AddHours(1));
        var resolvedAt = incident.ResolvedAt;
        incident.Resolve(" Spliced ", null, Now.AddHours(5));

        Assert.Multiple(() =>
        {
            Assert.That(incident.Title, Is.EqualTo("光缆中断"));
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Resolved));
            Assert.That(incident.ResolvedAt, Is.EqualTo(resolvedAt), "resuming does not move when it was resolved");
            Assert.That(incident.EndedAt, Is.EqualTo(Now.AddHours(1)), "ended when resolved, unless told");
            Assert.That(() => incident.Resolve("Something else", null, Now), Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("incident.resolved"));
            Assert.That(incident.EnsureOpen, Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("incident.resolved"));
            Assert.That(() => Open().Resolve("Spliced", Now.AddHours(-3), Now), Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("incident.endedBeforeStart"));
        });
    }

    [Test]
    public void AComplaintTracedToAnIncident_IsResolvedWithItsResolution_OnceOnly_AndMeetsItsClocks()
    {
        var complaint = Registered();
        var incident = Guid.CreateVersion7();
        var linked = complaint.LinkToIncident(incident, "光缆中断", Supervisor, Now);
        var again = complaint.LinkToIncident(incident, "光缆中断", Supervisor, Now);
        var resolved = complaint.ResolveByIncident("Spliced", Supervisor, Now.AddHours(1));
        var resolvedAgain = complaint.ResolveByIncident("Spliced", Supervisor, Now.AddHours(2));
        complaint.TrackSla(new SlaSchedule(BusinessCalendar.AroundTheClock(), SlaPolicy.Default), Now.AddHours(2));

        Assert.Multiple(() =>
        {
            Assert.That((linked, again, resolved, resolvedAgain), Is.EqualTo((true, false, true, false)));
            Assert.That(complaint.Status, Is.EqualTo(ComplaintStatus.Resolved));
            Assert.That(complaint.Resolution!.Outcome, Is.EqualTo("Spliced"));
            Assert.That(complaint.Timeline.Select(e => e.Kind), Is.EqualTo(new[]
            {
                TimelineEntryKind.Received, TimelineEntryKind.Registered, TimelineEntryKind.LinkedToIncident, TimelineEntryKind.Resolved,
            }));
            Assert.That(complaint.DomainEvents.OfType<ComplaintResolved>().Count(), Is.EqualTo(1), "its customer is told once");
            Assert.That(complaint.SlaClocks.Where(c => c.Milestone is SlaMilestone.Resolution or SlaMilestone.SolutionProposed or SlaMilestone.FirstContact)
                .Select(c => c.MetAt), Is.EqualTo(new DateTimeOffset?[] { Now.AddHours(1), Now.AddHours(1), Now.AddHours(1) }),
                "the fix is the solution, the contact and the resolution: three clocks met, none missing");
            Assert.That(() => complaint.LinkToIncident(Guid.CreateVersion7(), "别的", Supervisor, Now),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("complaint.linkedToAnotherIncident"));
        });
    }

    [Test]
    public void AComplaintOnlyReceived_WaitsForItsRegistration_AndOneNotTraced_IsNotResolvedByAnIncident()
    {
        var received = Complaint.Receive("CC-2026-000002",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "No internet", "LOS light red.", null, null, null, null, null, null, null), Supervisor, Now);

        Assert.Multiple(() =>
        {
            Assert.That(() => received.ResolveByIncident("Spliced", Supervisor, Now), Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("complaint.noIncident"));
            received.LinkToIncident(Guid.CreateVersion7(), "光缆中断", Supervisor, Now);
            Assert.That(() => received.ResolveByIncident("Spliced", Supervisor, Now), Throws.Exception.With.Property("Code").EqualTo("complaint.notRegistered"));
            Assert.That(received.Status, Is.EqualTo(ComplaintStatus.Received));
        });
    }
}
