namespace CustomerCare.Application.Customers.Queries.ListCustomers;

/// <summary>What a result list shows: enough to recognise the caller, with contact details masked.</summary>
public sealed record CustomerSummaryDto(
    Guid Id, string Name, string? Company, string Segment, string? PrimaryPhone, string? PrimaryEmail,
    Guid? MergedIntoId, bool Erased, DateTimeOffset UpdatedAt);
