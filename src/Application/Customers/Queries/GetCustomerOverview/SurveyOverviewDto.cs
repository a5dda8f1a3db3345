using CustomerCare.Application.Surveys;

namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

/// <summary>Surveys the customer was asked and answered, with the latest answers.</summary>
public sealed record SurveyOverviewDto(int Invited, int Answered, IReadOnlyList<SurveyResponseDto> LatestAnswered);
