using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.UnitTests.Sla;

/// <summary>
/// Each target counts its own time: "within 24 hours" is 24 hours of the wall clock, the rest are working time on the
/// business calendar, and the end-to-end clock runs from receipt to resolution. Expectations are worked out by hand.
/// </summary>
public class SlaBasisTests
{
    private static readonly Actor Agent = Actor.Staff(Guid.CreateVersion7());

    private static readonly Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>> NineToSix = new[]
        { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
        .ToDictionary(d => d, _ => (IReadOnlyList<WorkingPeriod>)[WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))]);

    /// <summary>The State Council's 2026 National Day: 1–7 October off, Sunday 20 September and Saturday 10 October worked.</summary>
    private static readonly BusinessCalendar NationalDay2026 = new("Asia/Shanghai", NineToSix,
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)), [new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)]);

    private static DateTimeOffset Cn(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static Complaint Registered(SlaSchedule schedule, Severity severity, DateTimeOffset received, DateTimeOffset registered)
    {
        var complaint = Complaint.Receive("CC-2026-000001",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "T", "D", null, null, received, null, null, null, null), Agent, received);
        complaint.TrackSla(schedule, received);
        complaint.Register("other", severity, true, null, RepeatInfo.None, Agent, registered);
        complaint.TrackSla(schedule, registered);
        return complaint;
    }

    private static SlaClock Clock(Complaint c, SlaMilestone m) => c.SlaClocks.Single(k => k.Milestone == m);

    [Test]
    public void RegisteredOnFridayAtFive_FirstContactIsDueSaturdayAtFive_WhileWorkingTargetsSkipTheWeekend()
    {
        // 2026-11-20 is a Friday.
        var schedule = new SlaSchedule(BusinessCalendar.Standard(), SlaPolicy.Default);
        var complaint = Registered(schedule, Severity.General, Cn(11, 20, 16, 30), Cn(11, 20, 17, 0));

        Assert.Multiple(() =>
        {
            Assert.That(Clock(complaint, SlaMilestone.FirstContact).Basis, Is.EqualTo(SlaBasis.Calendar));
            Assert.That(Clock(complaint, SlaMilestone.FirstContact).DueAt, Is.EqualTo(Cn(11, 21, 17, 0)), "24 hours, the night and Saturday counted");
            Assert.That(Clock(complaint, SlaMilestone.FirstContact).AtRiskFrom, Is.EqualTo(Cn(11, 21, 12, 12)), "80 % of 24 h is 19 h 12 min");
            Assert.That(Clock(complaint, SlaMilestone.Registered).DueAt, Is.EqualTo(Cn(11, 20, 17, 30)), "1 working hour from 16:30");
            Assert.That(Clock(complaint, SlaMilestone.Assigned).DueAt, Is.EqualTo(Cn(11, 23, 10, 0)), "1 h on Friday, 1 h on Monday");
            Assert.That(Clock(complaint, SlaMilestone.SolutionProposed).DueAt, Is.EqualTo(Cn(11, 25, 17, 0)), "Monday, Tuesday, Wednesday");
            Assert.That(Clock(complaint, SlaMilestone.Resolution).Basis, Is.EqualTo(SlaBasis.Working));
            Assert.That(Clock(complaint, SlaMilestone.Resolution).StartedAt, Is.EqualTo(Cn(11, 20, 16, 30)), "end to end: from receipt");
            Assert.That(Clock(complaint, SlaMilestone.Resolution).DueAt, Is.EqualTo(Cn(11, 30, 16, 30)), "6 working days: 23–27 November and the 30th");
        });
    }

    [Test]
    public void AnOperatorWhoWantsOneWorkingDay_SaysSo_AndFridayAtFiveIsDueMondayAtFive()
    {
        var targets = SlaPolicy.Default.Targets.ToDictionary(
            s => s.Key,
            s => (IReadOnlyDictionary<SlaMilestone, SlaTarget>)s.Value.ToDictionary(
                m => m.Key, m => m.Key == SlaMilestone.FirstContact ? SlaTarget.Working("P1D") : m.Value));
        var schedule = new SlaSchedule(BusinessCalendar.Standard(), new SlaPolicy(targets));

        var complaint = Registered(schedule, Severity.General, Cn(11, 20, 16, 30), Cn(11, 20, 17, 0));

        Assert.That(Clock(complaint, SlaMilestone.FirstContact).DueAt, Is.EqualTo(Cn(11, 23, 17, 0)), "72 hours later");
    }

    [Test]
    public void OverTheNationalDayWeek_WorkingTargetsSkipTheHolidays_AndCountTheMakeUpSaturday_TheCalendarTargetDoesNot()
    {
        var schedule = new SlaSchedule(NationalDay2026, SlaPolicy.Default);

        // Wednesday 30 September, the eve of the holiday.
        var general = Registered(schedule, Severity.General, Cn(9, 30, 16, 30), Cn(9, 30, 17, 0));
        var major = Registered(schedule, Severity.Major, Cn(9, 30, 16, 30), Cn(9, 30, 17, 0));

        Assert.Multiple(() =>
        {
            Assert.That(Clock(general, SlaMilestone.FirstContact).DueAt, Is.EqualTo(Cn(10, 1, 17, 0)), "24 hours, holiday or not");
            Assert.That(Clock(general, SlaMilestone.Assigned).DueAt, Is.EqualTo(Cn(10, 8, 10, 0)), "1 h on the 30th, 1 h on 8 October");
            Assert.That(Clock(general, SlaMilestone.SolutionProposed).DueAt, Is.EqualTo(Cn(10, 10, 17, 0)), "8, 9 and the make-up Saturday 10 October");
            Assert.That(Clock(major, SlaMilestone.SolutionProposed).DueAt, Is.EqualTo(Cn(10, 13, 17, 0)), "8, 9, 10, 12, 13 October");
            Assert.That(Clock(general, SlaMilestone.Resolution).DueAt, Is.EqualTo(Cn(10, 14, 16, 30)), "8, 9, 10, 12, 13, 14 October");
            Assert.That(Clock(major, SlaMilestone.Resolution).DueAt, Is.EqualTo(Cn(10, 16, 16, 30)), "… 15, 16 October");
        });
    }

    [Test]
    public void OnTheMakeUpSunday_RegistrationIsDueWithinItsWorkingHours()
    {
        var schedule = new SlaSchedule(NationalDay2026, SlaPolicy.Default);
        var complaint = Complaint.Receive("CC-2026-000002",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "T", "D", null, null, Cn(9, 19, 20, 0), null, null, null, null), Agent, Cn(9, 19, 20, 0));
        complaint.TrackSla(schedule, Cn(9, 19, 20, 0));

        Assert.That(Clock(complaint, SlaMilestone.Registered).DueAt, Is.EqualTo(Cn(9, 20, 10, 0)), "Saturday evening → Sunday 20 September is worked");
    }

    [Test]
    public void APausedCalendarClock_MovesOnByTheWallClockTimePaused_AWorkingClockByTheWorkingTime()
    {
        var schedule = new SlaSchedule(BusinessCalendar.Standard(), SlaPolicy.Default);
        var complaint = Registered(schedule, Severity.General, Cn(11, 20, 16, 30), Cn(11, 20, 17, 0));

        complaint.PauseSla(SlaPauseReason.WaitingForCustomer, null, Agent, Cn(11, 20, 18, 0));
        complaint.TrackSla(schedule, Cn(11, 20, 18, 0));
        complaint.ResumeSla(schedule, Agent, Cn(11, 23, 9, 0));
        complaint.TrackSla(schedule, Cn(11, 23, 9, 0));

        Assert.Multiple(() =>
        {
            // Friday 18:00 to Monday 09:00 is 63 hours of the wall clock and no working time.
            Assert.That(Clock(complaint, SlaMilestone.FirstContact).DueAt, Is.EqualTo(Cn(11, 24, 8, 0)), "Saturday 17:00 + 63 h");
            Assert.That(Clock(complaint, SlaMilestone.SolutionProposed).DueAt, Is.EqualTo(Cn(11, 25, 17, 0)), "no working time was paused");
        });
    }

    [Test]
    public void TheEndToEndClock_IsMetAtResolution_AndRunsAgainWhenTheCustomerSaysItIsNotSolved()
    {
        var schedule = new SlaSchedule(BusinessCalendar.Standard(), SlaPolicy.Default);
        var complaint = Registered(schedule, Severity.General, Cn(11, 23, 9, 0), Cn(11, 23, 9, 30));
        void At(DateTimeOffset when, Action<DateTimeOffset> act)
        {
            act(when);
            complaint.TrackSla(schedule, when);
        }

        At(Cn(11, 23, 11, 0), t => complaint.Investigate(new Investigation("F", "network", null, true, [], null), Agent, t));
        At(Cn(11, 23, 12, 0), t => complaint.ProposeSolution(new ProposedSolution("S", [], t, Channel.Phone), Agent, t));
        At(Cn(11, 23, 13, 0), t => complaint.RecordCustomerResponse(new CustomerResponse(true, null, null, t), Agent, t));
        At(Cn(11, 24, 9, 0), t => complaint.Resolve(new Resolution("Done", null, null, null, t), Agent, t));
        var resolved = Clock(complaint, SlaMilestone.Resolution).MetAt;
        At(Cn(12, 2, 10, 0), t => complaint.Reopen("Still broken", Agent, t));
        var reopened = Clock(complaint, SlaMilestone.Resolution);
        var breachRecorded = complaint.RecordSlaBreach(SlaMilestone.Resolution, Cn(12, 2, 10, 0));

        Assert.Multiple(() =>
        {
            Assert.That(resolved, Is.EqualTo(Cn(11, 24, 9, 0)));
            Assert.That(reopened.MetAt, Is.Null, "not solved after all");
            Assert.That(reopened.DueAt, Is.EqualTo(Cn(12, 1, 9, 0)), "6 working days from Monday 23 November 09:00");
            Assert.That(reopened.StateAt(Cn(12, 2, 10, 0)), Is.EqualTo(SlaState.Breached), "now past it");
            Assert.That(breachRecorded, Is.True, "breached like the other clocks");
            Assert.That(complaint.SlaMissed & (1 << (int)SlaMilestone.Resolution), Is.Not.Zero, "and counted as missed");
        });
    }
}

public class SolutionStepTests
{
    private static readonly Actor Agent = Actor.Staff(Guid.CreateVersion7());
    private static readonly DateTimeOffset T = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static Complaint Proposed(params SolutionStep[] steps)
    {
        var complaint = Complaint.Receive("CC-2026-000003",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "T", "D", null, null, T, null, null, null, null), Agent, T);
        complaint.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, T);
        complaint.Investigate(new Investigation("F", "network", null, true, [], null), Agent, T);
        complaint.ProposeSolution(new ProposedSolution("S", steps, T, Channel.Phone), Agent, T);
        return complaint;
    }

    [Test]
    public void MarkingAStepDone_KeepsWhoAndWhen_AndMovesTheNextDueTimeToTheNextOpenStep()
    {
        var complaint = Proposed(
            new SolutionStep("Ship", null, T.AddDays(1), false),
            new SolutionStep("Already called", null, T.AddHours(1), true),
            new SolutionStep("Collect", null, T.AddDays(3), false));
        var before = complaint.NextStepDueAt;

        complaint.CompleteSolutionStep(1, Agent, T.AddHours(20));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(T.AddDays(1)), "a step done before the proposal does not count");
            Assert.That(complaint.Solution!.Steps[0].DoneAt, Is.EqualTo(T.AddHours(20)));
            Assert.That(complaint.Solution.Steps[0].DoneBy, Is.EqualTo(Agent.Id));
            Assert.That(complaint.NextStepDueAt, Is.EqualTo(T.AddDays(3)));
            Assert.That(complaint.Solution.Steps[2].IsOverdue(T.AddDays(4)), Is.True);
            Assert.That(() => complaint.CompleteSolutionStep(2, Agent, T.AddHours(21)), Throws.TypeOf<DomainException>(), "already done");
        });
    }

    [Test]
    public void ARejectedSolutionsSteps_AreNoLongerDue()
    {
        var complaint = Proposed(new SolutionStep("Ship", null, T.AddDays(1), false));

        complaint.RecordCustomerResponse(new CustomerResponse(false, "No", "Ombudsman", T.AddHours(2)), Agent, T.AddHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(complaint.NextStepDueAt, Is.Null);
            Assert.That(complaint.AllowedActions, Does.Not.Contain(ComplaintAction.CompleteSolutionStep));
        });
    }
}

public class SolutionApprovalTests
{
    private static readonly Actor Agent = Actor.Staff(Guid.CreateVersion7());
    private static readonly Actor Supervisor = Actor.Staff(Guid.CreateVersion7());
    private static readonly DateTimeOffset T = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Test]
    public void ASubmittedSolution_IsProposedOnlyWhenApproved_AndTheSolutionClockWaitsForTheProposal()
    {
        var complaint = Complaint.Receive("CC-2026-000004",
            new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "T", "D", null, null, T, null, null, null, null), Agent, T);
        complaint.Register("fraud", Severity.Major, true, null, RepeatInfo.None, Agent, T);
        complaint.Investigate(new Investigation("F", "network", null, true, [], null), Agent, T);

        complaint.SubmitSolutionForApproval(new ProposedSolution("Refund", [], T, Channel.Phone), Agent, T.AddHours(1));
        var pending = (complaint.Status, complaint.SolutionProposedAt, complaint.AllowedActions.Contains(ComplaintAction.ApproveSolution));
        complaint.ApproveSolution(Supervisor, T.AddHours(3));

        Assert.Multiple(() =>
        {
            Assert.That(pending, Is.EqualTo((ComplaintStatus.Investigated, (DateTimeOffset?)null, true)));
            Assert.That(complaint.Status, Is.EqualTo(ComplaintStatus.Solution));
            Assert.That(complaint.SolutionProposedAt, Is.EqualTo(T.AddHours(3)), "proposed when approved");
            Assert.That(complaint.PendingSolution, Is.Null);
            Assert.That(complaint.Timeline.Select(e => e.Kind).TakeLast(3),
                Is.EqualTo(new[] { TimelineEntryKind.SolutionSubmitted, TimelineEntryKind.SolutionApproved, TimelineEntryKind.SolutionProposed }));
            Assert.That(complaint.Timeline[^1].ActorId, Is.EqualTo(Supervisor.Id));
        });
    }
}
