namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

/// <summary>The overall question within one group; the difference is the group's mean minus the overall mean.</summary>
public sealed record GroupStatsDto(string Key, string? Label, int Count, double Mean, double? StandardDeviation, double DifferenceFromOverall);
