using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Partners;

/// <summary>One API key of a partner: a public prefix to find it by and a hash of the whole key.</summary>
public sealed class PartnerApiKey : Entity
{
    public const int NameMaxLength = 100;

    private PartnerApiKey()
    {
        Name = string.Empty;
        Prefix = string.Empty;
        Hash = [];
    }

    internal PartnerApiKey(Guid id, Guid partnerId, string name, string prefix, byte[] hash, DateTimeOffset? expiresAt, DateTimeOffset now)
        : base(id)
    {
        PartnerId = partnerId;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        ExpiresAt = expiresAt;
        CreatedAt = now;
    }

    public Guid PartnerId { get; private set; }

    public string Name { get; private set; }

    public string Prefix { get; private set; }

    public byte[] Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal void ExpireAt(DateTimeOffset at)
    {
        if (ExpiresAt is null || at < ExpiresAt)
        {
            ExpiresAt = at;
        }
    }
}
