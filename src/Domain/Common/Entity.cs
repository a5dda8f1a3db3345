namespace CustomerCare.Domain.Common;

/// <summary>An object with an identity that outlives changes to its attributes.</summary>
public abstract class Entity
{
    protected Entity(Guid id)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("An entity needs a non-empty id.", nameof(id));
        }

        Id = id;
    }

    /// <summary>For EF Core materialisation only.</summary>
    protected Entity()
    {
    }

    public Guid Id { get; private set; }
}
