using CustomerCare.Application.Common.Models;

namespace CustomerCare.Application.Partners.Queries.GetPartner;

public sealed record PartnerDto(Guid Id, string Name, bool IsActive, int UsableKeyCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }
}
