using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Complaints.Events;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.UnitTests.Complaints;

public class ComplaintStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = Actor.Staff(Guid.CreateVersion7());
    private static readonly Actor OtherAgent = Actor.Staff(Guid.CreateVersion7());

    /// <summary>The legal table: state → actions that succeed (Resolve only once the solution is accepted).</summary>
    private static readonly Dictionary<ComplaintStatus, ComplaintAction[]> Legal = new()
    {
        [ComplaintStatus.Received] = [ComplaintAction.Register, ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Registered] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Investigate, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Investigated] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Investigate, ComplaintAction.ProposeSolution, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.ReturnToQueue, ComplaintAction.ApproveSolution, ComplaintAction.SendBackSolution],
        [ComplaintStatus.Solution] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.RecordCustomerResponse, ComplaintAction.Resolve, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.CompleteSolutionStep, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Resolved] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Reopen, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.CompleteSolutionStep, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Closed] = [ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.ReComplain],
    };

    private static Complaint Received(Actor? actor = null) => Complaint.Receive("CC-2026-000001",
        new NewComplaint(Channel.Phone, Guid.CreateVersion7(), "Broken kettle", "It leaks.", "A new one", null, null, null, null, null, null),
        actor ?? Agent, Now);

    private static readonly SlaSchedule Schedule = new(BusinessCalendar.AroundTheClock(), SlaPolicy.Default);

    /// <summary>A complaint brought to the state along the normal path (solution accepted when in solution), its clocks in step.</summary>
    private static Complaint InState(ComplaintStatus status)
    {
        var complaint = Walk(status);
        complaint.TrackSla(Schedule, Now);
        return complaint;
    }

    private static Complaint Walk(ComplaintStatus status)
    {
        var c = Received();
        if (status == ComplaintStatus.Received) return c;
        c.Register("productQuality", Severity.General, true, null, RepeatInfo.None, Agent, Now);
        if (status == ComplaintStatus.Registered) return c;
        c.Investigate(new Investigation("Seal failed.", "network", "Bad batch", true, ["photo-1"], Guid.CreateVersion7()), Agent, Now);
        if (status == ComplaintStatus.Investigated) return c;
        c.ProposeSolution(new ProposedSolution("Replace kettle", [new SolutionStep("Ship new kettle", Agent.Id, Now.AddDays(2), false)], Now, Channel.Phone), Agent, Now);
        c.RecordCustomerResponse(new CustomerResponse(true, "OK", null, Now), Agent, Now);
        if (status == ComplaintStatus.Solution) return c;
        c.Resolve(new Resolution("Kettle replaced", 20m, "cny", "voucher", Now), Agent, Now);
        if (status == ComplaintStatus.Resolved) return c;
        c.Close(new Closing(ClosingReason.Resolved, 5, "Thanks", Now), null, Agent, Now);
        return c;
    }

    private static void Do(Complaint c, ComplaintAction action)
    {
        switch (action)
        {
            case ComplaintAction.Register: c.Register("productQuality", Severity.Major, true, null, RepeatInfo.None, Agent, Now); break;
            case ComplaintAction.Assign: c.Assign(Guid.CreateVersion7(), null, "Route to quality", Agent, Now); break;
            case ComplaintAction.LogContact: c.LogContact(Channel.Phone, ContactDirection.Outbound, "Called back", Agent, Now); break;
            case ComplaintAction.Investigate: c.Investigate(new Investigation("Checked", "network", null, false, [], null), Agent, Now); break;
            case ComplaintAction.ProposeSolution: c.ProposeSolution(new ProposedSolution("Refund", [], Now, Channel.Email), Agent, Now); break;
            case ComplaintAction.RecordCustomerResponse: c.RecordCustomerResponse(new CustomerResponse(false, "No", "Escalation", Now), Agent, Now); break;
            case ComplaintAction.Resolve: c.Resolve(new Resolution("Done", null, null, null, Now), Agent, Now); break;
            case ComplaintAction.Reopen: c.Reopen("Still broken", Agent, Now); break;
            case ComplaintAction.Close: c.Close(new Closing(ClosingReason.Withdrawn, null, null, Now), null, Agent, Now); break;
            case ComplaintAction.AddNote: c.AddNote("Internal note", Agent, Now); break;
            case ComplaintAction.Reply: c.Reply("Your new kettle ships today.", Agent, Now); break;
            case ComplaintAction.ReComplain: c.ReComplaint("Still unhappy", null, Channel.Phone, Guid.CreateVersion7(), "CC-2026-000002", Agent, Now); break;
            case ComplaintAction.Reclassify: c.Reclassify("logistics", Severity.Major, "Wrong category", Agent, Now); break;
            case ComplaintAction.PauseSla: c.PauseSla(SlaPauseReason.WaitingForCustomer, "Awaiting photos", Agent, Now); break;
            case ComplaintAction.ResumeSla: c.ResumeSla(Schedule, Agent, Now); break;
            case ComplaintAction.CompleteSolutionStep: c.CompleteSolutionStep(1, Agent, Now); break;
            case ComplaintAction.ReturnToQueue: c.ReturnToQueue("Needs an engineer", Agent, Now); break;
            case ComplaintAction.ApproveSolution: c.ApproveSolution(Agent, Now); break;
            case ComplaintAction.SendBackSolution: c.SendBackSolution("Too generous", Agent, Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static IEnumerable<TestCaseData> EveryPair() =>
        from status in Enum.GetValues<ComplaintStatus>()
        from action in Enum.GetValues<ComplaintAction>()
        select new TestCaseData(status, action, Legal[status].Contains(action)).SetName($"{action}_When{status}_{(Legal[status].Contains(action) ? "Succeeds" : "ThrowsInvalidTransition")}");

    [TestCaseSource(nameof(EveryPair))]
    public void Action_InState(ComplaintStatus status, ComplaintAction action, bool legal)
    {
        var complaint = InState(status);
        if (action == ComplaintAction.ResumeSla && legal)
        {
            complaint.PauseSla(SlaPauseReason.WaitingForThirdParty, null, Agent, Now); // something to resume
        }

        if (action is ComplaintAction.ApproveSolution or ComplaintAction.SendBackSolution && legal)
        {
            complaint.SubmitSolutionForApproval(new ProposedSolution("Refund", [], Now, Channel.Phone), Agent, Now); // something to review
        }

        var timeline = complaint.Timeline.Count;
        var events = complaint.DomainEvents.Count;

        if (legal)
        {
            Do(complaint, action);
            Assert.Multiple(() =>
            {
                // An approval records itself and then the proposal it lets through: two entries, two events.
                var entries = action == ComplaintAction.ApproveSolution ? 2 : 1;
                Assert.That(complaint.Timeline, Has.Count.EqualTo(timeline + entries), "one timeline entry per legal move");
                Assert.That(complaint.DomainEvents, Has.Count.EqualTo(events + entries), "one event per legal move");
                Assert.That(complaint.DomainEvents.Last(), Is.InstanceOf<ComplaintEvent>());
                var raised = (ComplaintEvent)complaint.DomainEvents.Last();
                Assert.That((raised.Sequence, raised.Kind), Is.EqualTo((complaint.Timeline[^1].Sequence, complaint.Timeline[^1].Kind)),
                    "the event names the entry the move appended (the outbox is written from it)");
            });
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => Do(complaint, action));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.Code, Is.EqualTo("complaint.invalidTransition"));
                Assert.That(ex.Details["currentStatus"], Is.EqualTo(Complaint.Describe(status)));
                Assert.That(ex.Details["allowedActions"], Is.EquivalentTo(complaint.AllowedActions.Select(Complaint.Describe)));
                Assert.That(complaint.Status, Is.EqualTo(status), "nothing changed");
                Assert.That(complaint.Timeline, Has.Count.EqualTo(timeline));
            });
        }
    }

    [TestCase(ComplaintAction.Register, ComplaintStatus.Received, ComplaintStatus.Registered)]
    [TestCase(ComplaintAction.Investigate, ComplaintStatus.Registered, ComplaintStatus.Investigated)]
    [TestCase(ComplaintAction.ProposeSolution, ComplaintStatus.Investigated, ComplaintStatus.Solution)]
    [TestCase(ComplaintAction.RecordCustomerResponse, ComplaintStatus.Solution, ComplaintStatus.Investigated)]
    [TestCase(ComplaintAction.Resolve, ComplaintStatus.Solution, ComplaintStatus.Resolved)]
    [TestCase(ComplaintAction.Reopen, ComplaintStatus.Resolved, ComplaintStatus.Investigated)]
    [TestCase(ComplaintAction.Close, ComplaintStatus.Registered, ComplaintStatus.Closed)]
    public void Transition_LeadsToTheNextStateAndRecordsFromAndTo(ComplaintAction action, ComplaintStatus from, ComplaintStatus to)
    {
        var complaint = InState(from);

        Do(complaint, action);

        var entry = complaint.Timeline[^1];
        Assert.Multiple(() =>
        {
            Assert.That(complaint.Status, Is.EqualTo(to));
            Assert.That(entry.FromStatus, Is.EqualTo(from));
            Assert.That(entry.ToStatus, Is.EqualTo(to));
            Assert.That(entry.Sequence, Is.EqualTo(complaint.TimelineLength));
        });
    }

    [Test]
    public void Resolve_BeforeTheCustomerAccepted_IsRefused()
    {
        var complaint = InState(ComplaintStatus.Investigated);
        complaint.ProposeSolution(new ProposedSolution("Refund", [], Now, Channel.Email), Agent, Now);

        var ex = Assert.Throws<DomainException>(() => complaint.Resolve(new Resolution("Done", null, null, null, Now), Agent, Now));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("complaint.solutionNotAccepted"));
            Assert.That(complaint.AllowedActions, Does.Not.Contain(ComplaintAction.Resolve));
        });
    }

    [Test]
    public void Close_AsResolved_BeforeResolving_IsRefused_AsDuplicate_NeedsTheOriginal()
    {
        var complaint = InState(ComplaintStatus.Investigated);

        Assert.Multiple(() =>
        {
            Assert.That(() => complaint.Close(new Closing(ClosingReason.Resolved, 4, null, Now), null, Agent, Now),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("complaint.notResolved"));
            Assert.That(() => complaint.Close(new Closing(ClosingReason.Duplicate, null, null, Now), null, Agent, Now),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("complaint.duplicateOfRequired"));
        });

        var original = Guid.CreateVersion7();
        complaint.Close(new Closing(ClosingReason.Duplicate, null, null, Now), original, Agent, Now);
        Assert.That(complaint.DuplicateOfId, Is.EqualTo(original));
    }

    [Test]
    public void FirstResponder_IsWhoeverTookItFirst_AndNeverChanges()
    {
        var partner = Actor.Partner(Guid.CreateVersion7());
        var complaint = Received(partner);
        Assert.That(complaint.FirstResponderId, Is.Null, "a partner system is not a responder");

        complaint.Register("other", Severity.General, true, null, RepeatInfo.None, Agent, Now);
        complaint.Assign(Guid.CreateVersion7(), OtherAgent.Id, "Transfer to specialist", OtherAgent, Now);
        complaint.Investigate(new Investigation("Checked", "network", null, true, [], null), OtherAgent, Now);

        Assert.That(complaint.FirstResponderId, Is.EqualTo(Agent.Id));
    }

    [Test]
    public void ReComplaint_IsLinkedAndOneEscalationLevelHigher()
    {
        var closed = InState(ComplaintStatus.Closed);

        var data = closed.ReComplaint("Still unhappy", "Refund", Channel.Email, Guid.CreateVersion7(), "CC-2026-000002", Agent, Now);

        Assert.Multiple(() =>
        {
            Assert.That(data.ReComplaintOfId, Is.EqualTo(closed.Id));
            Assert.That(data.EscalationLevel, Is.EqualTo(closed.EscalationLevel + 1));
            Assert.That(data.CustomerId, Is.EqualTo(closed.CustomerId));
            Assert.That(closed.Status, Is.EqualTo(ComplaintStatus.Closed));
        });
    }

    [Test]
    public void Satisfaction_OutsideOneToFive_IsRefused()
    {
        Assert.That(() => new Closing(ClosingReason.Resolved, 6, null, Now), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void EveryTimelineEntry_HasExactlyOneEventNamingIt()
    {
        var complaint = InState(ComplaintStatus.Closed);
        complaint.AddNote("After closing", Agent, Now);
        complaint.ReComplaint("Still unhappy", null, Channel.Phone, Guid.CreateVersion7(), "CC-2026-000002", Agent, Now);

        var events = complaint.DomainEvents.OfType<ComplaintEvent>().Select(e => (e.Sequence, e.Kind)).ToList();
        var entries = complaint.Timeline.Select(e => (e.Sequence, e.Kind)).ToList();

        Assert.That(events, Is.EqualTo(entries));
    }

    [Test]
    public void Timeline_OnlyGrows_WithConsecutiveSequenceNumbers()
    {
        var complaint = InState(ComplaintStatus.Closed);

        Assert.That(complaint.Timeline.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, complaint.Timeline.Count)));
        Assert.That(typeof(TimelineEntry).GetProperties().Where(p => p.SetMethod?.IsPublic == true), Is.Empty, "entries cannot be edited");
    }
}
