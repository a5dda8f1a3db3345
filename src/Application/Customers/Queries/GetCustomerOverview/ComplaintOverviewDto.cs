using CustomerCare.Application.Complaints.Queries.GetComplaint;

namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

public sealed record ComplaintOverviewDto(
    int Total, int Open, int Closed, int ReComplaints, int Repeats, double? AverageSatisfaction,
    DateTimeOffset? LastReceivedAt, IReadOnlyList<ComplaintSummaryDto> Latest);
