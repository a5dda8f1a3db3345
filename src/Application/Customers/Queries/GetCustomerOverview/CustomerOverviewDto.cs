namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

public sealed record CustomerOverviewDto(
    Guid Id, string Name, string? Company, string Segment, Guid? MergedIntoId, DateTimeOffset? ErasedAt, int RewardPoints,
    ComplaintOverviewDto Complaints, FeedbackOverviewDto Feedback, SurveyOverviewDto Surveys, CareTaskOverviewDto CareTasks);
