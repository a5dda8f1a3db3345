using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Complaints.Queries.GetChangeFeed;

/// <summary>One timeline event. Partners get public events only, as the timeline shows them to partners.</summary>
public sealed record ChangeFeedEventDto(
    string Cursor, Guid Id, Guid ComplaintId, string ComplaintNumber, string? ExternalReference, int Sequence, DateTimeOffset At,
    TimelineEntryKind Kind, TimelineVisibility Visibility, string ActorKind, Guid? ActorId, ComplaintStatus? FromStatus, ComplaintStatus? ToStatus, string? Text);
