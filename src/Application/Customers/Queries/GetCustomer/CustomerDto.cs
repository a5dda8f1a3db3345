using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Customers;

namespace CustomerCare.Application.Customers.Queries.GetCustomer;

/// <summary>The full customer record, personal data included. Every read of it is written to the access log.</summary>
public sealed record CustomerDto(
    Guid Id,
    string Name,
    string? Company,
    string Segment,
    Channel? PreferredChannel,
    string? PreferredLanguage,
    ConsentDto Consent,
    IReadOnlyList<ContactPointDto> ContactPoints,
    Guid? SourcePartnerId,
    Guid? MergedIntoId,
    DateTimeOffset? ErasedAt,
    int RewardPoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    public static CustomerDto From(Customer c) => new(
        c.Id, c.Name, c.Company, c.Segment, c.PreferredChannel, c.PreferredLanguage,
        new ConsentDto(c.Consent.ContactByPhone, c.Consent.ContactByEmail, c.Consent.Marketing),
        c.ContactPoints.OrderBy(p => p.Kind).ThenByDescending(p => p.IsPrimary)
            .Select(p => new ContactPointDto(p.Id, p.Kind, p.Value, p.Platform, p.IsPrimary)).ToList(),
        c.SourcePartnerId, c.MergedIntoId, c.ErasedAt, c.RewardPoints, c.CreatedAt, c.UpdatedAt)
    {
        Version = c.Version,
    };
}

public sealed record ConsentDto(bool ContactByPhone, bool ContactByEmail, bool Marketing);

public sealed record ContactPointDto(Guid Id, ContactKind Kind, string Value, string? Platform, bool IsPrimary);
