using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Webhooks;

namespace CustomerCare.Application.Webhooks.Queries;

/// <summary>A subscription as its owner sees it; the secret is shown only when created or rotated.</summary>
public sealed record WebhookDto(
    Guid Id, Guid? PartnerId, string Url, IReadOnlyList<string> EventTypes, string? Description, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }
}

/// <summary>A subscription with its signing secret, answered once: when created or when the secret is rotated.</summary>
public sealed record WebhookWithSecretDto(WebhookDto Webhook, string Secret);

public sealed record WebhookDeliveryDto(
    Guid Id, Guid EventId, string EventType, Guid ComplaintId, WebhookDeliveryStatus Status, int Attempts,
    DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset? DeadAt,
    DateTimeOffset CreatedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog);

public sealed record WebhookAttemptDto(DateTimeOffset At, int DurationMs, int? StatusCode, string? Error, string? ResponseBody);
