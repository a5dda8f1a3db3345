using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Customers;

/// <summary>An entry of the personal-data access log: who did what with which customer's record, when.</summary>
public sealed class CustomerAccessRecord : Entity
{
    private CustomerAccessRecord()
    {
    }

    public CustomerAccessRecord(Guid customerId, CustomerAccess action, string actorKind, Guid? actorId, Guid? relatedCustomerId, DateTimeOffset at, int? points = null)
        : base(Guid.CreateVersion7())
    {
        Points = points;
        CustomerId = customerId;
        Action = action;
        ActorKind = actorKind;
        ActorId = actorId;
        RelatedCustomerId = relatedCustomerId;
        At = at;
    }

    public Guid CustomerId { get; private set; }

    public CustomerAccess Action { get; private set; }

    /// <summary><c>staff</c>, <c>partner</c> or <c>system</c>.</summary>
    public string ActorKind { get; private set; } = string.Empty;

    public Guid? ActorId { get; private set; }

    /// <summary>For a merge: the duplicate absorbed.</summary>
    public Guid? RelatedCustomerId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>For a reward grant: the points granted.</summary>
    public int? Points { get; private set; }
}

public enum CustomerAccess
{
    Created,
    Read,
    Updated,
    Exported,
    Merged,
    Erased,
    RewardGranted,
}
