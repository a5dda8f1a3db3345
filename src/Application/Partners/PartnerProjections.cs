using System.Linq.Expressions;
using CustomerCare.Application.Partners.Queries.GetPartner;
using CustomerCare.Application.Partners.Queries.ListPartnerKeys;
using CustomerCare.Domain.Partners;

namespace CustomerCare.Application.Partners;

/// <summary>Partner read models. Key usability depends on the clock, so the projections take "now".</summary>
internal static class PartnerProjections
{
    public static Expression<Func<Partner, PartnerDto>> ToDto(DateTimeOffset now) => p => new PartnerDto(
        p.Id, p.Name, p.IsActive,
        p.Keys.Count(k => k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now)),
        p.CreatedAt, p.UpdatedAt)
    {
        Version = p.Version,
    };

    public static PartnerDto ToDto(Partner partner, DateTimeOffset now) => ToDto(now).Compile()(partner);

    public static PartnerApiKeyDto ToDto(PartnerApiKey key, DateTimeOffset now) => new(
        key.Id, key.Name, key.Prefix, key.CreatedAt, key.ExpiresAt, key.RevokedAt,
        key.RevokedAt is not null ? ApiKeyStatus.Revoked : key.IsUsableAt(now) ? ApiKeyStatus.Active : ApiKeyStatus.Expired);
}
