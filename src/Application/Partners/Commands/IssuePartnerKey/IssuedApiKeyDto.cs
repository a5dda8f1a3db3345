namespace CustomerCare.Application.Partners.Commands.IssuePartnerKey;

public sealed record IssuedApiKeyDto(Guid Id, Guid PartnerId, string Name, string Prefix, string Key, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
