using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.CareTasks;

public enum CareTaskKind
{
    /// <summary>A call after a complaint closed, to hear whether the customer is content (回访).</summary>
    FollowUpCall,

    /// <summary>Periodic contact with a key customer.</summary>
    KeyCustomerContact,

    /// <summary>Holiday or birthday greetings.</summary>
    Greeting,

    /// <summary>A supervisor's call to a customer who closed a complaint dissatisfied, to win them back.</summary>
    ServiceRecovery,

    Other,
}

public enum CareTaskStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>How a care contact went.</summary>
public enum CareTaskResult
{
    /// <summary>Reached; the customer is content.</summary>
    Satisfied,

    /// <summary>Reached; the customer is not content (consider a re-complaint or new complaint).</summary>
    Dissatisfied,

    /// <summary>Reached; nothing to report either way.</summary>
    Reached,

    NotReached,

    /// <summary>The customer did not want to be contacted.</summary>
    Declined,
}

/// <summary>
/// A scheduled care contact with a customer: a follow-up call after a complaint, a key-customer call, a greeting. It
/// has a due date (a calendar day in the business calendar's time zone), an owner and, once done, an outcome.
/// </summary>
public sealed class CareTask : AggregateRoot
{
    public const int SubjectMaxLength = 200;
    public const int NotesMaxLength = 4000;

    private CareTask()
    {
        Subject = string.Empty;
    }

    private CareTask(Guid id, NewCareTask data, DateTimeOffset now)
        : base(id)
    {
        Kind = Enum.IsDefined(data.Kind) ? data.Kind : throw new DomainException("careTask.kind", "Unknown kind of care task.");
        CustomerId = data.CustomerId;
        ComplaintId = data.ComplaintId;
        OwnerId = data.OwnerId;
        DueOn = data.DueOn;
        Subject = Guard.Text(data.Subject, SubjectMaxLength, "subject");
        Notes = Optional(data.Notes, "notes");
        IsAutomatic = data.IsAutomatic;
        Status = CareTaskStatus.Open;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public CareTaskKind Kind { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid? ComplaintId { get; private set; }

    /// <summary>Who makes the contact; null while nobody is named.</summary>
    public Guid? OwnerId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string Subject { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Created by the system (a follow-up after a complaint closed), not by a person.</summary>
    public bool IsAutomatic { get; private set; }

    public CareTaskStatus Status { get; private set; }

    public CareTaskResult? Result { get; private set; }

    public string? Outcome { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid? CompletedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static CareTask Create(NewCareTask data, DateTimeOffset now)
    {
        var task = new CareTask(Guid.CreateVersion7(), data, now);
        task.RaiseGreetingChanged(now);
        return task;
    }

    /// <summary>The follow-up call on a closed complaint, due <paramref name="afterDays"/> days after the day it closed.</summary>
    public static CareTask FollowUp(Guid customerId, Guid complaintId, string complaintNumber, Guid? ownerId, DateOnly closedOn, int afterDays, DateTimeOffset now) =>
        Create(new NewCareTask(CareTaskKind.FollowUpCall, customerId, complaintId, ownerId, closedOn.AddDays(afterDays),
            $"Follow-up call on complaint {complaintNumber}", "Ask whether the solution holds and how the handling felt.", IsAutomatic: true), now);

    /// <summary>The customer closed the complaint dissatisfied: the department's supervisor calls them, on <paramref name="dueOn"/>.</summary>
    public static CareTask ServiceRecovery(Guid customerId, Guid complaintId, string complaintNumber, Guid? supervisorId, DateOnly dueOn, int satisfaction, DateTimeOffset now) =>
        Create(new NewCareTask(CareTaskKind.ServiceRecovery, customerId, complaintId, supervisorId, dueOn,
            $"Dissatisfied customer on complaint {complaintNumber} (satisfaction {satisfaction} of 5)",
            "Call the customer, hear what went wrong and what would put it right; record what was agreed.", IsAutomatic: true), now);

    /// <summary>A contact of a key customer's follow-up plan, due <paramref name="dueOn"/>.</summary>
    public static CareTask PlannedContact(Guid customerId, Guid? ownerId, DateOnly dueOn, int everyMonths, DateTimeOffset now) =>
        Create(new NewCareTask(CareTaskKind.KeyCustomerContact, customerId, null, ownerId, dueOn,
            $"Planned contact with a key customer (every {everyMonths} month(s))",
            "Ask how the service has been since the last contact; note what they need.", IsAutomatic: true), now);

    /// <summary>One of the contacts a key customer's follow-up plan creates (the next follows when it is done or cancelled).</summary>
    public bool IsPlannedContact => Kind == CareTaskKind.KeyCustomerContact && IsAutomatic;

    public void Complete(CareTaskResult result, string? outcome, Guid? staffId, DateTimeOffset now)
    {
        EnsureOpen("complete");
        Result = Enum.IsDefined(result) ? result : throw new DomainException("careTask.result", "Unknown result.");
        Outcome = Optional(outcome, "outcome");
        Status = CareTaskStatus.Done;
        CompletedAt = now;
        CompletedById = staffId;
        OwnerId ??= staffId;
        UpdatedAt = now;
        RaisePlannedContactFinished(now);
    }

    public void Cancel(string reason, Guid? staffId, DateTimeOffset now)
    {
        EnsureOpen("cancel");
        Outcome = Guard.Text(reason, NotesMaxLength, "reason");
        Status = CareTaskStatus.Cancelled;
        CompletedAt = now;
        CompletedById = staffId;
        UpdatedAt = now;
        RaiseGreetingChanged(now);
        RaisePlannedContactFinished(now);
    }

    /// <summary>Hands the task to someone else and/or moves its due date.</summary>
    public void Reschedule(Guid? ownerId, DateOnly dueOn, DateTimeOffset now)
    {
        EnsureOpen("reschedule");
        if (ownerId == OwnerId && dueOn == DueOn)
        {
            return;
        }

        var moved = dueOn != DueOn;
        OwnerId = ownerId;
        DueOn = dueOn;
        UpdatedAt = now;
        if (moved)
        {
            RaiseGreetingChanged(now);
        }
    }

    /// <summary>A greeting was scheduled, moved or cancelled: the greeting sent to the customer on its day follows.</summary>
    private void RaiseGreetingChanged(DateTimeOffset now)
    {
        if (Kind == CareTaskKind.Greeting)
        {
            Raise(new CareTaskGreetingChanged(Id, CustomerId, Status, DueOn, now));
        }
    }

    private void RaisePlannedContactFinished(DateTimeOffset now)
    {
        if (IsPlannedContact)
        {
            Raise(new PlannedContactFinished(Id, CustomerId, DueOn, now));
        }
    }

    private void EnsureOpen(LocalizableText action)
    {
        if (Status != CareTaskStatus.Open)
        {
            throw new DomainException("careTask.notOpen", $"Cannot {action} a care task that is {Status}.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString().ToLowerInvariant() });
        }
    }

    private static string? Optional(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Guard.Text(text, NotesMaxLength, field);
}

/// <summary>What a care task is created with.</summary>
public sealed record NewCareTask(
    CareTaskKind Kind, Guid CustomerId, Guid? ComplaintId, Guid? OwnerId, DateOnly DueOn, string Subject, string? Notes, bool IsAutomatic = false);

/// <summary>A greeting care task was created, moved to another day or cancelled.</summary>
public sealed record CareTaskGreetingChanged(Guid CareTaskId, Guid CustomerId, CareTaskStatus Status, DateOnly DueOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A contact of a follow-up plan was done or cancelled: the plan, if it still runs, schedules the next.</summary>
public sealed record PlannedContactFinished(Guid CareTaskId, Guid CustomerId, DateOnly DueOn, DateTimeOffset OccurredAt) : IDomainEvent;
