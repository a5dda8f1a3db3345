using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.UnitTests.Sla;

public class ComplaintSlaTests
{
    private static readonly SlaSchedule Schedule = new(BusinessCalendar.Standard(), SlaPolicy.Default);
    private static readonly Actor Agent = Actor.Staff(Guid.CreateVersion7());

    // 2026-11-20 is a Friday; the standard calendar works Mon–Fri 09:00–18:00 in Shanghai.
    private static DateTimeOffset Cn(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static Complaint Received(DateTimeOffset at)
    {
        var complaint = Complaint.Receive("CC-2026-000001",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "T", "D", null, null, at, null, null, null, null), Agent, at);
        complaint.TrackSla(Schedule, at);
        return complaint;
    }

    private static SlaClock Clock(Complaint c, SlaMilestone m) => c.SlaClocks.Single(k => k.Milestone == m);

    [Test]
    public void WorkingTimes_AreMeasuredOnTheCalendar_FirstResponseOnce_ResolutionAnewAfterReopening()
    {
        var complaint = Received(Cn(20, 17, 0));
        void At(DateTimeOffset when, Action<DateTimeOffset> act)
        {
            act(when);
            complaint.TrackSla(Schedule, when);
        }

        At(Cn(23, 9, 30), t => complaint.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, t));
        Assert.That(complaint.FirstResponseTime, Is.Null, "registering is not a response to the customer");
        At(Cn(23, 10, 0), t => complaint.LogContact(Channel.Phone, ContactDirection.Outbound, "Called back", Agent, t));
        At(Cn(23, 11, 0), t => complaint.Investigate(new Investigation("Found", "network", "Cause", true, [], null), Agent, t));
        At(Cn(23, 12, 0), t => complaint.ProposeSolution(new ProposedSolution("Fix", [], t, Channel.Phone), Agent, t));
        At(Cn(23, 13, 0), t => complaint.RecordCustomerResponse(new CustomerResponse(true, null, null, t), Agent, t));
        At(Cn(24, 10, 0), t => complaint.Resolve(new Resolution("Fixed", null, null, null, t), Agent, t));
        var first = (complaint.FirstResponseTime, complaint.ResolutionTime);
        At(Cn(24, 11, 0), t => complaint.Reopen("Still broken", Agent, t));
        var reopened = (complaint.ResolutionTime, complaint.ReopenCount);
        At(Cn(24, 12, 0), t => complaint.ProposeSolution(new ProposedSolution("Refund", [], t, Channel.Phone), Agent, t));
        At(Cn(24, 13, 0), t => complaint.RecordCustomerResponse(new CustomerResponse(true, null, null, t), Agent, t));
        At(Cn(25, 9, 30), t => complaint.Resolve(new Resolution("Refunded", null, null, null, t), Agent, t));

        Assert.Multiple(() =>
        {
            // Friday 17:00–18:00, then Monday 09:00–10:00: the weekend is not working time.
            Assert.That(first.FirstResponseTime, Is.EqualTo(TimeSpan.FromHours(2)));
            Assert.That(first.ResolutionTime, Is.EqualTo(TimeSpan.FromHours(11)), "1 h Friday, 9 h Monday, 1 h Tuesday");
            Assert.That(reopened.ResolutionTime, Is.Null);
            Assert.That(reopened.ReopenCount, Is.EqualTo(1));
            Assert.That(complaint.FirstResponseTime, Is.EqualTo(TimeSpan.FromHours(2)), "the first response stays the first");
            Assert.That(complaint.ResolutionTime, Is.EqualTo(TimeSpan.FromHours(19.5)), "1 + 9 + 9 + 0.5 h to the second resolution");
        });
    }

    [Test]
    public void ClockSummary_HasABitPerMilestone_StartedMetOrMissed()
    {
        var complaint = Received(Cn(23, 10, 0));
        complaint.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, Cn(23, 11, 30));
        complaint.TrackSla(Schedule, Cn(23, 11, 30));
        var afterLateRegistration = (complaint.SlaStarted, complaint.SlaMet, complaint.SlaMissed);
        complaint.LogContact(Channel.Phone, ContactDirection.Outbound, "Called", Agent, Cn(23, 12, 0));
        complaint.TrackSla(Schedule, Cn(23, 12, 0));
        complaint.RecordSlaBreach(SlaMilestone.Assigned, Cn(23, 14, 0));

        Assert.Multiple(() =>
        {
            // Registered (bit 0) late; assigned (1), first contact (2), solution (3) and end to end (5) started.
            Assert.That(afterLateRegistration, Is.EqualTo((0b101111, 0b0000, 0b0001)));
            Assert.That(complaint.SlaStarted, Is.EqualTo(0b101111));
            Assert.That(complaint.SlaMet, Is.EqualTo(0b0100), "first contact in time");
            Assert.That(complaint.SlaMissed, Is.EqualTo(0b0011), "registered late, assignment breached");
        });
    }

    [Test]
    public void Receipt_StartsTheRegistrationClockOnTheCalendar()
    {
        var complaint = Received(Cn(20, 17, 55));

        var clock = Clock(complaint, SlaMilestone.Registered);
        Assert.Multiple(() =>
        {
            Assert.That(complaint.SlaClocks.Select(c => c.Milestone), Is.EquivalentTo(new[] { SlaMilestone.Registered, SlaMilestone.Resolution }),
                "registration and the end-to-end clock both run from receipt");
            Assert.That(clock.DueAt, Is.EqualTo(Cn(23, 9, 55)), "1 working hour from Friday 17:55");
            Assert.That(clock.AtRiskFrom, Is.EqualTo(Cn(23, 9, 43)), "80% of the hour");
            Assert.That(clock.StateAt(Cn(23, 9, 0)), Is.EqualTo(SlaState.Pending));
            Assert.That(clock.StateAt(Cn(23, 9, 45)), Is.EqualTo(SlaState.AtRisk));
            Assert.That(clock.StateAt(Cn(23, 9, 55)), Is.EqualTo(SlaState.Breached));
        });
    }

    [Test]
    public void Registering_InTime_StopsItsClockAndStartsTheNext()
    {
        var complaint = Received(Cn(23, 10, 0));
        complaint.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, Cn(23, 10, 30));
        complaint.TrackSla(Schedule, Cn(23, 10, 30));

        Assert.Multiple(() =>
        {
            Assert.That(Clock(complaint, SlaMilestone.Registered).StateAt(Cn(30, 0)), Is.EqualTo(SlaState.Met), "met stays met");
            Assert.That(Clock(complaint, SlaMilestone.Assigned).DueAt, Is.EqualTo(Cn(23, 12, 30)));
            Assert.That(Clock(complaint, SlaMilestone.FirstContact).DueAt, Is.EqualTo(Cn(24, 10, 30)));
            Assert.That(Clock(complaint, SlaMilestone.SolutionProposed).DueAt, Is.EqualTo(Cn(26, 10, 30)));
            Assert.That(complaint.SlaClocks.Any(c => c.Milestone == SlaMilestone.ResultFedBack), Is.False, "starts when a solution is accepted");
        });
    }

    [Test]
    public void Registering_Late_IsMetLate()
    {
        var complaint = Received(Cn(23, 10, 0));
        complaint.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, Cn(23, 15, 0));
        complaint.TrackSla(Schedule, Cn(23, 15, 0));

        Assert.That(Clock(complaint, SlaMilestone.Registered).StateAt(Cn(23, 15, 0)), Is.EqualTo(SlaState.MetLate));
    }

    [Test]
    public void MajorComplaints_GetTheirOwnSolutionTarget()
    {
        var general = Received(Cn(23, 10, 0));
        var major = Received(Cn(23, 10, 0));
        general.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, Cn(23, 10, 0));
        major.Register("other", Severity.Major, true, null, RepeatInfo.None, Agent, Cn(23, 10, 0));
        general.TrackSla(Schedule, Cn(23, 10, 0));
        major.TrackSla(Schedule, Cn(23, 10, 0));

        Assert.Multiple(() =>
        {
            Assert.That(Clock(general, SlaMilestone.SolutionProposed).DueAt, Is.EqualTo(Cn(26, 10, 0)), "3 working days");
            Assert.That(Clock(major, SlaMilestone.SolutionProposed).DueAt, Is.EqualTo(Cn(30, 10, 0)), "5 working days, over the weekend");
        });
    }

    [Test]
    public void TheWholePath_StampsEveryMilestone()
    {
        var complaint = Received(Cn(23, 9, 0));
        complaint.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, Cn(23, 9, 30));
        complaint.Assign(Guid.CreateVersion7(), Agent.Id, "Mine", Agent, Cn(23, 9, 40));
        complaint.LogContact(Channel.Phone, ContactDirection.Outbound, "Called", Agent, Cn(23, 10, 0));
        complaint.Investigate(new Investigation("F", "network", null, true, [], null), Agent, Cn(23, 11, 0));
        complaint.ProposeSolution(new ProposedSolution("S", [], Cn(23, 12, 0), Channel.Phone), Agent, Cn(23, 12, 0));
        complaint.RecordCustomerResponse(new CustomerResponse(true, null, null, Cn(23, 13, 0)), Agent, Cn(23, 13, 0));
        complaint.TrackSla(Schedule, Cn(23, 13, 0));
        Assert.That(Clock(complaint, SlaMilestone.ResultFedBack).StateAt(Cn(23, 13, 0)), Is.EqualTo(SlaState.Pending));
        complaint.Resolve(new Resolution("Done", null, null, null, Cn(24, 9, 0)), Agent, Cn(24, 9, 0));
        complaint.TrackSla(Schedule, Cn(24, 9, 0));

        Assert.That(complaint.SlaClocks.Select(c => c.StateAt(Cn(30, 0))), Has.All.EqualTo(SlaState.Met));
        Assert.That(complaint.SlaClocks, Has.Count.EqualTo(Enum.GetValues<SlaMilestone>().Length));
    }
}
