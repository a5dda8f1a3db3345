using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Complaints.Events;

/// <summary>Every legal move on a complaint raises exactly one of these, naming the timeline entry it appended.</summary>
public abstract record ComplaintEvent(Guid ComplaintId, TimelineEntryKind Kind, ComplaintStatus Status, DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <summary>The <see cref="TimelineEntry.Sequence"/> of the entry the move appended (set by the complaint as it raises the event).</summary>
    public int Sequence { get; init; }
}

public sealed record ComplaintReceived(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.Received, Status, OccurredAt);

public sealed record ComplaintRegistered(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.Registered, Status, OccurredAt);

public sealed record ComplaintAssigned(
    Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Guid? DepartmentId, Guid? AssigneeId, bool IsTransfer, Guid? PreviousDepartmentId)
    : ComplaintEvent(ComplaintId, IsTransfer ? TimelineEntryKind.Transferred : TimelineEntryKind.Assigned, Status, OccurredAt);

public sealed record CustomerContactLogged(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.ContactLogged, Status, OccurredAt);

public sealed record ComplaintInvestigated(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.Investigated, Status, OccurredAt);

public sealed record SolutionProposed(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SolutionProposed, Status, OccurredAt);

public sealed record CustomerRespondedToSolution(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, bool Accepted)
    : ComplaintEvent(ComplaintId, Accepted ? TimelineEntryKind.SolutionAccepted : TimelineEntryKind.SolutionRejected, Status, OccurredAt);

public sealed record ComplaintResolved(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.Resolved, Status, OccurredAt);

public sealed record ComplaintReopened(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.Reopened, Status, OccurredAt);

public sealed record ComplaintClosed(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, ClosingReason Reason)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.Closed, Status, OccurredAt);

public sealed record ComplaintNoteAdded(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.NoteAdded, Status, OccurredAt);

public sealed record ComplaintRepliedTo(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.PublicReply, Status, OccurredAt);

public sealed record ComplaintReComplained(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Guid ReComplaintId)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.ReComplained, Status, OccurredAt);

public sealed record ComplaintSlaAtRisk(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Sla.SlaMilestone Milestone, DateTimeOffset DueAt, Guid? DepartmentId)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SlaAtRisk, Status, OccurredAt);

/// <summary>A milestone was missed: the complaint went one escalation level up; the responsible department's supervisor is to be told.</summary>
public sealed record ComplaintSlaBreached(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Sla.SlaMilestone Milestone, DateTimeOffset DueAt, int EscalationLevel, Guid? DepartmentId)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SlaBreached, Status, OccurredAt);

public sealed record ComplaintReclassified(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Severity PreviousSeverity = Severity.General)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.Reclassified, Status, OccurredAt);

public sealed record ComplaintSlaPaused(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Sla.SlaPauseReason Reason)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SlaPaused, Status, OccurredAt);

public sealed record ComplaintSlaResumed(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SlaResumed, Status, OccurredAt);

public sealed record SolutionStepCompleted(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, int Number)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SolutionStepDone, Status, OccurredAt);

public sealed record ComplaintReturnedToQueue(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Guid? PreviousAssigneeId, Guid? DepartmentId)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.ReturnedToQueue, Status, OccurredAt);

public sealed record SolutionSubmittedForApproval(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt, Guid? DepartmentId)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SolutionSubmitted, Status, OccurredAt);

public sealed record SolutionApproved(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SolutionApproved, Status, OccurredAt);

public sealed record SolutionSentBack(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.SolutionSentBack, Status, OccurredAt);

public sealed record AttachmentRemoved(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.AttachmentRemoved, Status, OccurredAt);

public sealed record ComplaintLinkedToIncident(Guid ComplaintId, ComplaintStatus Status, DateTimeOffset OccurredAt)
    : ComplaintEvent(ComplaintId, TimelineEntryKind.LinkedToIncident, Status, OccurredAt);
