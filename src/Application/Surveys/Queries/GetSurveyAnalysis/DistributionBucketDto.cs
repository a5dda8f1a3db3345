namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

public sealed record DistributionBucketDto(string Value, int Count, double Share);
