using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Partners;

namespace CustomerCare.Application.Partners.Queries.GetPartner;

public sealed record PartnerDto(Guid Id, string Name, bool IsActive, int UsableKeyCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    /// <summary>Read with <c>ProjectTo&lt;PartnerDto&gt;(…, new { now })</c>: a key's usability depends on the clock.</summary>
    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            var now = default(DateTimeOffset);
            CreateMap<Partner, PartnerDto>()
                .ForCtorParam(nameof(UsableKeyCount), o => o.MapFrom(p => p.Keys.Count(k => k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now))));
        }
    }
}
