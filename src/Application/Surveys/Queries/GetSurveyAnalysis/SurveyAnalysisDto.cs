namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

public sealed record SurveyAnalysisDto(
    Guid SurveyId, string Name, int SurveyVersion, Guid? CampaignId, DateTimeOffset? From, DateTimeOffset? To,
    ResponseRateDto Responses, string? OverallQuestion, IReadOnlyList<QuestionStatsDto> Questions, IReadOnlyList<KeyDriverDto> KeyDrivers,
    SurveyBreakdownsDto Breakdowns);
