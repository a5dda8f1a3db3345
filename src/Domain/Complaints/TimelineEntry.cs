using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Complaints;

/// <summary>One immutable line of a complaint's history: who did what, when, from which state to which, and why.</summary>
public sealed class TimelineEntry : Entity
{
    public const int TextMaxLength = 4000;

    private TimelineEntry()
    {
        ActorKind = string.Empty;
    }

    internal TimelineEntry(Guid complaintId, int sequence, DateTimeOffset at, Actor actor, TimelineEntryKind kind,
        ComplaintStatus? fromStatus, ComplaintStatus? toStatus, string? text)
        : base(Guid.CreateVersion7())
    {
        ComplaintId = complaintId;
        Sequence = sequence;
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Text = text is null ? null : text.Length <= TextMaxLength ? text : text[..TextMaxLength];
    }

    public Guid ComplaintId { get; private set; }

    /// <summary>1, 2, 3… within the complaint: the order of events, and a guard against two writers appending at once.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    public TimelineEntryKind Kind { get; private set; }

    public ComplaintStatus? FromStatus { get; private set; }

    public ComplaintStatus? ToStatus { get; private set; }

    public string? Text { get; private set; }
}

/// <summary>Who acts: a staff member, a partner system, or the system itself.</summary>
public sealed record Actor(string Kind, Guid? Id)
{
    public static readonly Actor System = new("system", null);

    public static Actor Staff(Guid id) => new("staff", id);

    public static Actor Partner(Guid id) => new("partner", id);

    public bool IsStaff => Kind == "staff";
}
