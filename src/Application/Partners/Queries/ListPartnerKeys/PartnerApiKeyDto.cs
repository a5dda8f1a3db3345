namespace CustomerCare.Application.Partners.Queries.ListPartnerKeys;

public sealed record PartnerApiKeyDto(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, ApiKeyStatus Status);
