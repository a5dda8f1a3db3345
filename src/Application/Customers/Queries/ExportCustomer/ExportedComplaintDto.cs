using CustomerCare.Application.Complaints.Queries.GetComplaint;

namespace CustomerCare.Application.Customers.Queries.ExportCustomer;

/// <summary>A complaint of the customer with its whole history.</summary>
public sealed record ExportedComplaintDto(ComplaintDto Complaint, IReadOnlyList<TimelineEntryDto> Timeline);
