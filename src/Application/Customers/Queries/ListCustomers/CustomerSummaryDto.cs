using AutoMapper;
using CustomerCare.Domain.Customers;
namespace CustomerCare.Application.Customers.Queries.ListCustomers;

/// <summary>What a result list shows: enough to recognise the caller, with contact details masked.</summary>
public sealed record CustomerSummaryDto(
    Guid Id, string Name, string? Company, string Segment, string? Grade, string? PrimaryPhone, string? PrimaryEmail,
    Guid? MergedIntoId, bool Erased, DateTimeOffset UpdatedAt)
{
    /// <summary>Mapped from a loaded customer: contact details are decrypted, then masked, in memory.</summary>
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Customer, CustomerSummaryDto>()
            .ForCtorParam(nameof(PrimaryPhone), o => o.MapFrom((c, _) => Masking.Phone(c.ContactPoints.FirstOrDefault(p => p.Kind == ContactKind.Phone && p.IsPrimary)?.Value)))
            .ForCtorParam(nameof(PrimaryEmail), o => o.MapFrom((c, _) => Masking.Email(c.ContactPoints.FirstOrDefault(p => p.Kind == ContactKind.Email && p.IsPrimary)?.Value)))
            .ForCtorParam(nameof(Erased), o => o.MapFrom(c => c.IsErased));
    }
}
