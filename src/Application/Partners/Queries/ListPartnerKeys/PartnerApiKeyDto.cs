using AutoMapper;
using CustomerCare.Application.Common.Mappings;
using CustomerCare.Domain.Partners;
namespace CustomerCare.Application.Partners.Queries.ListPartnerKeys;

public sealed record PartnerApiKeyDto(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, ApiKeyStatus Status)
{
    /// <summary>Mapped with the context item <see cref="MappingContext.Now"/>: whether a key is usable depends on the clock.</summary>
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<PartnerApiKey, PartnerApiKeyDto>()
            .ForCtorParam(nameof(Status), o => o.MapFrom((key, context) => key.RevokedAt is not null
                ? ApiKeyStatus.Revoked
                : key.IsUsableAt(context.Item<DateTimeOffset>(MappingContext.Now)) ? ApiKeyStatus.Active : ApiKeyStatus.Expired));
    }
}
