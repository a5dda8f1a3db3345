using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Partners;

/// <summary>A partner system that pushes complaints and reads back its own, authenticated by API keys.</summary>
public sealed class Partner : SwitchableAggregateRoot
{
    public const int NameMaxLength = 200;
    public const int MaxActiveKeys = 5;

    private readonly List<PartnerApiKey> _keys = [];

    private Partner()
    {
        Name = string.Empty;
    }

    private Partner(Guid id, string name, DateTimeOffset now)
        : base(id, now)
    {
        Name = name;
        CreatedAt = now;
    }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<PartnerApiKey> Keys => _keys.AsReadOnly();

    public static Partner Create(string name, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), Guard.Text(name, NameMaxLength, "name"), now);

    public void Rename(string name, DateTimeOffset now)
    {
        Name = Guard.Text(name, NameMaxLength, "name");
        UpdatedAt = now;
    }

    /// <summary>Adds a key. Only its prefix and hash are kept; the caller shows the secret once.</summary>
    public PartnerApiKey IssueKey(string name, string prefix, byte[] hash, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException("partner.inactive", "An inactive partner cannot be given keys.");
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException("apiKey.expiryInPast", "A key must expire in the future.");
        }

        if (_keys.Count(k => k.IsUsableAt(now)) >= MaxActiveKeys)
        {
            throw new DomainException("apiKey.tooMany", $"A partner may hold at most {MaxActiveKeys} usable keys; revoke one first.");
        }

        var key = new PartnerApiKey(Guid.CreateVersion7(), Id, Guard.Text(name, PartnerApiKey.NameMaxLength, "name"), prefix, hash, expiresAt, now);
        _keys.Add(key);
        UpdatedAt = now;
        return key;
    }

    public void RevokeKey(Guid keyId, DateTimeOffset now)
    {
        Key(keyId).Revoke(now);
        UpdatedAt = now;
    }

    /// <summary>
    /// Replaces a key with a new one. The old key keeps working for <paramref name="gracePeriod"/> so that the
    /// partner can switch without downtime, then stops.
    /// </summary>
    public PartnerApiKey RotateKey(Guid keyId, string prefix, byte[] hash, TimeSpan gracePeriod, DateTimeOffset now)
    {
        var old = Key(keyId);
        if (!old.IsUsableAt(now))
        {
            throw new DomainException("apiKey.notUsable", "Only a usable key can be rotated; issue a new key instead.");
        }

        old.ExpireAt(now + gracePeriod);
        return IssueKey(old.Name, prefix, hash, expiresAt: null, now);
    }


    private PartnerApiKey Key(Guid keyId) =>
        _keys.SingleOrDefault(k => k.Id == keyId)
        ?? throw new DomainException("apiKey.notFound", $"Key '{keyId}' does not belong to this partner.");
}
