using CustomerCare.Domain.Surveys;

namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

/// <summary>Mean and (sample, n − 1) standard deviation for score questions; the distribution counts every score or option.</summary>
public sealed record QuestionStatsDto(
    string Key, string Text, QuestionKind Kind, bool IsOverall, int Count, double? Mean, double? StandardDeviation, IReadOnlyList<DistributionBucketDto> Distribution);
