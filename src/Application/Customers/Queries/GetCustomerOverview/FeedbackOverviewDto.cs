namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

/// <summary>Feedback counts; open is anything not answered yet.</summary>
public sealed record FeedbackOverviewDto(int Total, int Open, IReadOnlyList<FeedbackSummaryDto> Latest);
