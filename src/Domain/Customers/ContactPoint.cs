using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Customers;

/// <summary>
/// One way to reach a customer. <see cref="Value"/> is personal data (encrypted at rest);
/// <see cref="LookupKey"/> is a keyed hash of it that finds the customer without decrypting anything.
/// </summary>
public sealed class ContactPoint : Entity
{
    public const int ValueMaxLength = 254;
    public const int PlatformMaxLength = 40;

    private ContactPoint()
    {
        Value = string.Empty;
        LookupKey = string.Empty;
    }

    internal ContactPoint(Guid id, Guid customerId, ContactKind kind, string value, string? platform, string lookupKey, bool isPrimary)
        : base(id)
    {
        CustomerId = customerId;
        Kind = kind;
        Value = value;
        Platform = platform;
        LookupKey = lookupKey;
        IsPrimary = isPrimary;
    }

    public Guid CustomerId { get; private set; }

    public ContactKind Kind { get; private set; }

    public string Value { get; private set; }

    public string? Platform { get; private set; }

    public string LookupKey { get; private set; }

    public bool IsPrimary { get; private set; }

    internal void SetPrimary(bool isPrimary) => IsPrimary = isPrimary;
}

/// <summary>A contact point as the application hands it to the aggregate: normalised, with its lookup key.</summary>
public sealed record NewContactPoint(ContactKind Kind, string Value, string? Platform, string LookupKey, bool IsPrimary);
