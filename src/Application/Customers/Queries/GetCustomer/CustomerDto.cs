using AutoMapper;
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
    string? TimeZone,
    ConsentDto Consent,
    IReadOnlyList<ContactPointDto> ContactPoints,
    string? Grade,
    DateOnly? Birthday,
    FollowUpPlanDto? FollowUpPlan,
    Guid? SourcePartnerId,
    Guid? MergedIntoId,
    DateTimeOffset? ErasedAt,
    int RewardPoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<Customer, CustomerDto>()
                .ForCtorParam(nameof(ContactPoints), o => o.MapFrom(c => c.ContactPoints.OrderBy(p => p.Kind).ThenByDescending(p => p.IsPrimary)))
                .ForCtorParam(nameof(FollowUpPlan), o => o.MapFrom((c, _) =>
                    c.FollowUpEveryMonths is { } months ? new FollowUpPlanDto(months, c.FollowUpOwnerId) : null));
            CreateMap<CustomerConsent, ConsentDto>();
            CreateMap<ContactPoint, ContactPointDto>();
        }
    }
}

/// <summary>A key customer's follow-up plan: a contact (a care task) every <c>everyMonths</c> months, made by <c>ownerId</c>.</summary>
public sealed record FollowUpPlanDto(int EveryMonths, Guid? OwnerId);

public sealed record ConsentDto(bool ContactByPhone, bool ContactByEmail, bool Marketing);

public sealed record ContactPointDto(Guid Id, ContactKind Kind, string Value, string? Platform, bool IsPrimary);
