using AutoMapper;
using CustomerCare.Domain.Customers;

namespace CustomerCare.Application.Customers.Queries.ExportCustomer;

/// <summary>An access-log entry; <c>points</c> is set for a reward grant.</summary>
public sealed record AccessRecordDto(Guid Id, Guid CustomerId, CustomerAccess Action, string ActorKind, Guid? ActorId, Guid? RelatedCustomerId, DateTimeOffset At, int? Points)
{
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<CustomerAccessRecord, AccessRecordDto>();
    }
}
