namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

/// <summary>Invitations sent, answered, expired unanswered; the rate is answered / invited.</summary>
public sealed record ResponseRateDto(int Invited, int Answered, int Expired, double? ResponseRate);
