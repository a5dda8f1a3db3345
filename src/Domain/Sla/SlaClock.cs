using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Sla;

/// <summary>One milestone's clock on one complaint: when it started, when it is due, when it was met or breached.</summary>
public sealed class SlaClock : Entity
{
    private SlaClock()
    {
    }

    internal SlaClock(Guid complaintId, SlaMilestone milestone, DateTimeOffset startedAt, DateTimeOffset dueAt, DateTimeOffset atRiskFrom)
        : base(Guid.CreateVersion7())
    {
        ComplaintId = complaintId;
        Milestone = milestone;
        StartedAt = startedAt;
        DueAt = dueAt;
        AtRiskFrom = atRiskFrom;
    }

    public Guid ComplaintId { get; private set; }

    public SlaMilestone Milestone { get; private set; }

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

    /// <summary>Working time spent paused so far: the due time moves on by as much.</summary>
    public TimeSpan PausedWorkingTime { get; private set; }

    public SlaState StateAt(DateTimeOffset now) => MetAt is { } met
        ? met <= DueAt ? SlaState.Met : SlaState.MetLate
        : PausedAt is not null ? SlaState.Pending
        : now >= DueAt ? SlaState.Breached
        : now >= AtRiskFrom ? SlaState.AtRisk
        : SlaState.Pending;

    internal void Meet(DateTimeOffset at) => MetAt ??= at;

    internal void Reschedule(DateTimeOffset dueAt, DateTimeOffset atRiskFrom)
    {
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
