namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

public sealed record SurveyBreakdownsDto(
    IReadOnlyList<GroupStatsDto> Segment, IReadOnlyList<GroupStatsDto> Channel, IReadOnlyList<GroupStatsDto> Product,
    IReadOnlyList<GroupStatsDto> FirstResponder, IReadOnlyList<GroupStatsDto> SlaMet);
