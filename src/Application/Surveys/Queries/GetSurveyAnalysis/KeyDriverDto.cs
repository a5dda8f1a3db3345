namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

/// <summary>Pearson's r between a score question and the overall question over the responses that answered both (null below 3 or without variance).</summary>
public sealed record KeyDriverDto(string QuestionKey, string Text, int Pairs, double? Correlation);
