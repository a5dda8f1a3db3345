using AutoMapper;
using CustomerCare.Application.Common.Mappings;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Surveys;

namespace CustomerCare.Application.Surveys.Queries.GetSurvey;

public sealed record QuestionDto(string Key, string Text, QuestionKind Kind, IReadOnlyList<string> Options, bool IsOverall, bool Required, int? MinScore, int? MaxScore)
{
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<SurveyQuestion, QuestionDto>()
            .ForCtorParam(nameof(Required), o => o.MapFrom(q => q.IsRequired))
            .ForCtorParam(nameof(MinScore), o => o.MapFrom(q => q.IsScore ? q.MinScore : (int?)null))
            .ForCtorParam(nameof(MaxScore), o => o.MapFrom(q => q.IsScore ? q.MaxScore : (int?)null));
    }
}

public sealed record SurveyVersionDto(int Number, DateTimeOffset CreatedAt, IReadOnlyList<QuestionDto> Questions)
{
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<SurveyTemplateVersion, SurveyVersionDto>();
    }
}

/// <summary>A survey template: its current version's questions, and the numbers of every version.</summary>
public sealed record SurveyDto(
    Guid Id, string Name, string? Description, int CurrentVersion, IReadOnlyList<int> Versions, SurveyVersionDto Questions,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    /// <summary>The context item naming the version whose questions to show (the current one when absent).</summary>
    public const string ShownVersion = "version";

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<SurveyTemplate, SurveyDto>()
            .ForCtorParam(nameof(Versions), o => o.MapFrom(t => t.Versions.Select(v => v.Number).Order().ToList()))
            .ForCtorParam(nameof(Questions), o => o.MapFrom((t, context) => context.Mapper.Map<SurveyVersionDto>(
                t.Versions.Single(v => v.Number == (context.OptionalItem<int>(ShownVersion) ?? t.CurrentVersion)))));
    }
}

public sealed record SurveySummaryDto(Guid Id, string Name, int CurrentVersion, DateTimeOffset UpdatedAt)
{
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<SurveyTemplate, SurveySummaryDto>();
    }
}
