using CustomerCare.Application.Surveys.Queries.GetSurvey;

namespace CustomerCare.Application.Surveys.Queries.GetSurveyForm;

/// <summary>What the customer's link shows: the questions of the version they were asked, and whether they answered.</summary>
public sealed record SurveyFormDto(string Survey, string? Description, int SurveyVersion, IReadOnlyList<QuestionDto> Questions, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt);
