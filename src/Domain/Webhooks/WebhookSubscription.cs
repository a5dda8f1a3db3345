using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Webhooks;

/// <summary>
/// A receiver of complaint events: a URL, the event types wanted and the secret deliveries are signed with. Owned
/// by a partner (which then hears about its own complaints only) or, with no partner, by the operator (all).
/// </summary>
public sealed class WebhookSubscription : AggregateRoot
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;
    public const int MaxEventTypes = 20;

    private WebhookSubscription()
    {
        Url = string.Empty;
        Secret = string.Empty;
        EventTypes = [];
    }

    private WebhookSubscription(Guid id, Guid? partnerId, Uri url, IReadOnlyCollection<string> eventTypes, string secret, string? description, DateTimeOffset now)
        : base(id)
    {
        PartnerId = partnerId;
        Url = CheckUrl(url);
        EventTypes = CheckTypes(eventTypes);
        Secret = secret;
        Description = Optional(description);
        IsActive = true;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid? PartnerId { get; private set; }

    public string Url { get; private set; }

    public string[] EventTypes { get; private set; }

    /// <summary>The signing secret (encrypted at rest; shown to the owner once, when created or rotated).</summary>
    public string Secret { get; private set; }

    public string? Description { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public const string SecretPrefix = "whsec_";

    /// <summary>A new signing secret: <c>whsec_</c> and 32 random bytes in base64 (the Standard Webhooks format).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static WebhookSubscription Create(Guid? partnerId, Uri url, IReadOnlyCollection<string> eventTypes, string secret, string? description, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), partnerId, url, eventTypes, secret, description, now);

    public bool Wants(string eventType) => IsActive && EventTypes.Contains(eventType, StringComparer.Ordinal);

    public void Change(Uri url, IReadOnlyCollection<string> eventTypes, string? description, bool isActive, DateTimeOffset now)
    {
        var newUrl = CheckUrl(url);
        var newTypes = CheckTypes(eventTypes);
        var newDescription = Optional(description);
        if (newUrl == Url && newTypes.SequenceEqual(EventTypes, StringComparer.Ordinal) && newDescription == Description && isActive == IsActive)
        {
            return;
        }

        Url = newUrl;
        EventTypes = newTypes;
        Description = newDescription;
        IsActive = isActive;
        UpdatedAt = now;
    }

    public void RotateSecret(string secret, DateTimeOffset now)
    {
        Secret = secret;
        UpdatedAt = now;
    }

    private static string CheckUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new DomainException("webhook.url", "The URL must be absolute http(s).");
        }

        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new DomainException("webhook.url", "The URL may hold neither credentials nor a fragment.");
        }

        var text = url.AbsoluteUri;
        return text.Length <= UrlMaxLength ? text : throw new DomainException("webhook.url", $"The URL must be at most {UrlMaxLength} characters.");
    }

    private static string[] CheckTypes(IReadOnlyCollection<string> eventTypes)
    {
        if (eventTypes.Count == 0)
        {
            throw new DomainException("webhook.eventTypes", "Name at least one event type.");
        }

        if (eventTypes.FirstOrDefault(t => !WebhookEventTypes.IsKnown(t)) is { } unknown)
        {
            throw new DomainException("webhook.eventTypes", $"Unknown event type '{unknown}'.");
        }

        return eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    private static string? Optional(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : Guard.Text(description, DescriptionMaxLength, "description");
}
