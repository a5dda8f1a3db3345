namespace CustomerCare.Domain.Common;

/// <summary>
/// An aggregate an administrator switches off and on again (departments, staff members, partners) instead of deleting it:
/// history keeps pointing at it. Switching to the state it is already in changes nothing.
/// </summary>
public abstract class SwitchableAggregateRoot : AggregateRoot
{
    protected SwitchableAggregateRoot(Guid id, DateTimeOffset now)
        : base(id)
    {
        IsActive = true;
        UpdatedAt = now;
    }

    protected SwitchableAggregateRoot()
    {
    }

    public bool IsActive { get; private set; }

    public DateTimeOffset UpdatedAt { get; protected set; }

    public void Deactivate(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        UpdatedAt = now;
        OnDeactivated();
    }

    public void Activate(DateTimeOffset now)
    {
        if (IsActive)
        {
            return;
        }

        IsActive = true;
        UpdatedAt = now;
    }

    /// <summary>What else switching off means for this aggregate (a staff member's sessions end).</summary>
    protected virtual void OnDeactivated()
    {
    }
}
