using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Sla;

/// <summary>One milestone's clock on one complaint: when it started, when it is due, when it was met or breached.</summary>
public sealed class SlaClock : Entity
{
    private SlaClock()
    {
    }

    internal SlaClock(Guid complaintId, SlaMilestone milestone, SlaBasis basis, string calendar, DateTimeOffset startedAt, DateTimeOffset dueAt, DateTimeOffset atRiskFrom)
        : base(Guid.CreateVersion7())
    {
        ComplaintId = complaintId;
        Milestone = milestone;
        Basis = basis;
        Calendar = calendar;
        StartedAt = startedAt;
        DueAt = dueAt;
        AtRiskFrom = atRiskFrom;
    }

    public Guid ComplaintId { get; private set; }

    public SlaMilestone Milestone { get; private set; }

    /// <summary>What the clock counts: working time on the business calendar or wall-clock time.</summary>
    public SlaBasis Basis { get; private set; }

    /// <summary>The business calendar the clock runs on: that of the department responsible (the default before there is one).</summary>
    public string Calendar { get; private set; } = CalendarNames.Default;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>From this instant the clock is at risk (the policy's share of its working time used).</summary>
    public DateTimeOffset AtRiskFrom { get; private set; }

    public DateTimeOffset? MetAt { get; private set; }

    /// <summary>When the breach was recorded (once, by the breach worker).</summary>
    public DateTimeOffset? BreachedAt { get; private set; }

    /// <summary>When the at-risk event was emitted (once).</summary>
    public DateTimeOffset? AtRiskNotifiedAt { get; private set; }

    /// <summary>While paused (waiting for the customer or a third party), the clock does not run.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    public SlaPauseReason? PauseReason { get; private set; }

    /// <summary>Time spent paused so far, counted on the clock's basis: the due time moves on by as much.</summary>
    public TimeSpan PausedWorkingTime { get; private set; }

    public SlaState StateAt(DateTimeOffset now) => MetAt is { } met
        ? met <= DueAt ? SlaState.Met : SlaState.MetLate
        : PausedAt is not null ? SlaState.Pending
        : now >= DueAt ? SlaState.Breached
        : now >= AtRiskFrom ? SlaState.AtRisk
        : SlaState.Pending;

    internal void Meet(DateTimeOffset at) => MetAt ??= at;

    /// <summary>What was met was not, after all (a resolved complaint reopened): the clock runs on.</summary>
    internal void Unmeet() => MetAt = null;

    internal void Reschedule(SlaBasis basis, string calendar, DateTimeOffset dueAt, DateTimeOffset atRiskFrom)
    {
        Basis = basis;
        Calendar = calendar;
        DueAt = dueAt;
        AtRiskFrom = atRiskFrom;
    }

    internal void Pause(SlaPauseReason reason, DateTimeOffset at)
    {
        PausedAt = at;
        PauseReason = reason;
    }

    internal void Resume(TimeSpan pausedWorkingTime)
    {
        PausedWorkingTime += pausedWorkingTime;
        PausedAt = null;
        PauseReason = null;
    }

    internal void MarkBreached(DateTimeOffset at) => BreachedAt ??= at;

    internal void MarkAtRiskNotified(DateTimeOffset at) => AtRiskNotifiedAt ??= at;
}
