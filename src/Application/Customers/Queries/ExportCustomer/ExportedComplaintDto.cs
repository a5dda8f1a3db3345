using CustomerCare.Application.Attachments.Queries.ListAttachments;
using CustomerCare.Application.Complaints.Queries.GetComplaint;

namespace CustomerCare.Application.Customers.Queries.ExportCustomer;

/// <summary>A complaint of the customer with its whole history and the files of evidence on it (their bytes are downloaded one by one).</summary>
public sealed record ExportedComplaintDto(ComplaintDto Complaint, IReadOnlyList<TimelineEntryDto> Timeline, IReadOnlyList<AttachmentDto> Attachments);
