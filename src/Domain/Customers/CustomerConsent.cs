namespace CustomerCare.Domain.Customers;

/// <summary>What the customer agreed to be contacted for.</summary>
public sealed record CustomerConsent(bool ContactByPhone, bool ContactByEmail, bool Marketing)
{
    public static readonly CustomerConsent None = new(false, false, false);
}
