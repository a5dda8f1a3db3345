namespace CustomerCare.Domain.Complaints;

/// <summary>Who may read a timeline entry: staff read every entry; partners (and customers) only the public ones.</summary>
public enum TimelineVisibility
{
    /// <summary>Staff only: notes, contacts with their summaries, routing and transfers, SLA clocks, classification.</summary>
    Internal,

    /// <summary>Also the complaint's partner and customer: changes of status, the solution and the result as communicated.</summary>
    Public,
}

/// <summary>
/// The visibility of each kind of timeline entry, decided explicitly for every kind: a new kind throws here until it is
/// decided, and a test enumerates the kinds, so none can become public by default.
/// <para>
/// A public entry shows partners and customers its kind, time, statuses and the kind of actor, never a staff member's id;
/// its text only where the text is what the customer was told (<see cref="TextIsPublic"/>).
/// </para>
/// </summary>
public static class TimelineVisibilities
{
    public static TimelineVisibility Of(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Received => TimelineVisibility.Public,
        TimelineEntryKind.Registered => TimelineVisibility.Public,
        TimelineEntryKind.Investigated => TimelineVisibility.Public, // the change of status; the findings are internal (no text)
        TimelineEntryKind.SolutionProposed => TimelineVisibility.Public,
        TimelineEntryKind.SolutionAccepted => TimelineVisibility.Public,
        TimelineEntryKind.SolutionRejected => TimelineVisibility.Public,
        TimelineEntryKind.Resolved => TimelineVisibility.Public,
        TimelineEntryKind.Reopened => TimelineVisibility.Public,
        TimelineEntryKind.Closed => TimelineVisibility.Public,
        TimelineEntryKind.ReComplained => TimelineVisibility.Public,
        TimelineEntryKind.PublicReply => TimelineVisibility.Public,
        TimelineEntryKind.CustomerInformed => TimelineVisibility.Public,
        TimelineEntryKind.Assigned => TimelineVisibility.Internal,
        TimelineEntryKind.Transferred => TimelineVisibility.Internal,
        TimelineEntryKind.ContactLogged => TimelineVisibility.Internal,
        TimelineEntryKind.NoteAdded => TimelineVisibility.Internal,
        TimelineEntryKind.SlaAtRisk => TimelineVisibility.Internal,
        TimelineEntryKind.SlaBreached => TimelineVisibility.Internal,
        TimelineEntryKind.Reclassified => TimelineVisibility.Internal,
        TimelineEntryKind.SlaPaused => TimelineVisibility.Internal,
        TimelineEntryKind.SlaResumed => TimelineVisibility.Internal,
        TimelineEntryKind.SolutionStepDone => TimelineVisibility.Internal,
        TimelineEntryKind.ReturnedToQueue => TimelineVisibility.Internal,
        TimelineEntryKind.SolutionSubmitted => TimelineVisibility.Internal,
        TimelineEntryKind.SolutionApproved => TimelineVisibility.Internal,
        TimelineEntryKind.SolutionSentBack => TimelineVisibility.Internal,
        TimelineEntryKind.AttachmentRemoved => TimelineVisibility.Internal,
        TimelineEntryKind.LinkedToIncident => TimelineVisibility.Public, // the partner sees its complaint is part of a known fault
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Decide whether this kind of timeline entry is public or internal."),
    };

    /// <summary>Public entries whose text is what the customer was told: how it came in, the solution, the result, replies, the channel they were told by.</summary>
    public static bool TextIsPublic(TimelineEntryKind kind) =>
        kind is TimelineEntryKind.Received or TimelineEntryKind.SolutionProposed or TimelineEntryKind.Resolved or TimelineEntryKind.PublicReply
            or TimelineEntryKind.CustomerInformed;

    /// <summary>Every public kind, for queries that filter on the kind.</summary>
    public static readonly IReadOnlyList<TimelineEntryKind> PublicKinds =
        [.. Enum.GetValues<TimelineEntryKind>().Where(k => Of(k) == TimelineVisibility.Public)];

    /// <summary>The text a reader of public entries may see: the entry's own where public, else none.</summary>
    public static string? PublicText(TimelineEntryKind kind, string? text) => TextIsPublic(kind) ? text : null;

    /// <summary>The actor's id a reader of public entries may see: a partner's or the system's, never a staff member's.</summary>
    public static Guid? PublicActorId(string actorKind, Guid? actorId) => actorKind == "staff" ? null : actorId;
}
