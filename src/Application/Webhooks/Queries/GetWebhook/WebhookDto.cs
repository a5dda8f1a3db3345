using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Webhooks;

namespace CustomerCare.Application.Webhooks.Queries.GetWebhook;

/// <summary>A subscription as its owner sees it; the secret is shown only when created or rotated.</summary>
public sealed record WebhookDto(
    Guid Id, Guid? PartnerId, string Url, IReadOnlyList<string> EventTypes, string? Description, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<WebhookSubscription, WebhookDto>();
    }
}

/// <summary>A subscription with its signing secret, answered once: when created or when the secret is rotated.</summary>
public sealed record WebhookWithSecretDto(WebhookDto Webhook, string Secret);

/// <summary>
/// A delivery and its attempts. A partner reads what its receiver answered (the status code) but not why a connection
/// failed (refused, reset, TLS, DNS: one text for all, so the log is no port scanner) nor the receiver's response body.
/// </summary>
public sealed record WebhookDeliveryDto(
    Guid Id, Guid EventId, string EventType, Guid ComplaintId, WebhookDeliveryStatus Status, int Attempts,
    DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset? DeadAt,
    DateTimeOffset CreatedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog)
{
    public WebhookDeliveryDto ForPartner() => this with
    {
        LastError = WebhookAttemptDto.PartnerError(LastStatusCode, LastError),
        AttemptLog = [.. AttemptLog.Select(a => a.ForPartner())],
    };
}

public sealed record WebhookAttemptDto(DateTimeOffset At, int DurationMs, int? StatusCode, string? Error, string? ResponseBody)
{
    /// <summary>The one text a partner reads for any attempt that got no answer.</summary>
    public const string NoAnswer = "No answer from the receiver: it could not be reached, or did not answer in time.";

    public WebhookAttemptDto ForPartner() => this with { Error = PartnerError(StatusCode, Error), ResponseBody = null };

    internal static string? PartnerError(int? statusCode, string? error) => error is null
        ? null
        : statusCode is { } code ? $"The receiver answered {code}." : NoAnswer;
}
