using System.ComponentModel.DataAnnotations;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Surveys;

namespace CustomerCare.Application.Surveys.Queries.GetSurvey;

/// <summary>A question as clients send it.</summary>
public sealed record QuestionInput(
    [property: MaxLength(SurveyQuestion.KeyMaxLength)] string? Key,
    [property: MaxLength(SurveyQuestion.TextMaxLength)] string? Text,
    QuestionKind? Kind,
    [property: MaxLength(SurveyQuestion.MaxOptions), ItemLimits(ItemMaxLength = SurveyQuestion.OptionMaxLength)] IReadOnlyList<string>? Options,
    bool? IsOverall,
    bool? Required);

public sealed record QuestionDto(string Key, string Text, QuestionKind Kind, IReadOnlyList<string> Options, bool IsOverall, bool Required, int? MinScore, int? MaxScore)
{
    public static QuestionDto From(SurveyQuestion q) =>
        new(q.Key, q.Text, q.Kind, q.Options, q.IsOverall, q.IsRequired, q.IsScore ? q.MinScore : null, q.IsScore ? q.MaxScore : null);
}

public sealed record SurveyVersionDto(int Number, DateTimeOffset CreatedAt, IReadOnlyList<QuestionDto> Questions)
{
    public static SurveyVersionDto From(SurveyTemplateVersion v) => new(v.Number, v.CreatedAt, v.Questions.Select(QuestionDto.From).ToList());
}

/// <summary>A survey template: its current version's questions, and the numbers of every version.</summary>
public sealed record SurveyDto(
    Guid Id, string Name, string? Description, int CurrentVersion, IReadOnlyList<int> Versions, SurveyVersionDto Questions,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    public static SurveyDto From(SurveyTemplate t, int? version = null) =>
        new(t.Id, t.Name, t.Description, t.CurrentVersion, t.Versions.Select(v => v.Number).Order().ToList(),
            SurveyVersionDto.From(t.Versions.Single(v => v.Number == (version ?? t.CurrentVersion))), t.CreatedAt, t.UpdatedAt, t.Version);
}

public sealed record SurveySummaryDto(Guid Id, string Name, int CurrentVersion, DateTimeOffset UpdatedAt);
