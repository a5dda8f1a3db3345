using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Surveys;
using FluentValidation;

namespace CustomerCare.Application.Surveys;

/// <summary>A survey as clients write it (create and revise share it): its name, description and questions.</summary>
public sealed record SurveyInput(string Name, string? Description, IReadOnlyList<QuestionInput> Questions);

/// <summary>A question as clients send it.</summary>
public sealed record QuestionInput(string? Key, string? Text, QuestionKind? Kind, IReadOnlyList<string>? Options, bool? IsOverall, bool? Required);

/// <summary>The shape rules of a survey and its question list, checked before the template sees it (so mistakes are field errors).</summary>
public sealed class SurveyInputValidator : AbstractValidator<SurveyInput>
{
    public SurveyInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(SurveyTemplate.NameMaxLength);
        RuleFor(x => x.Description).MaximumLength(SurveyTemplate.DescriptionMaxLength);
        RuleFor(x => x.Questions).NotEmpty().WithMessage(_ => ValidationTexts.Get("QuestionsRequired"))
            .MaxItems(SurveyTemplate.MaxQuestions).WithMessage(_ => ValidationTexts.Format("QuestionsMax", SurveyTemplate.MaxQuestions))
            .Must(q => q is null || q.Where(x => x?.Key is not null).GroupBy(x => x.Key!.Trim(), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .WithMessage(_ => ValidationTexts.Get("QuestionKeysUnique"))
            .Must(q => q is null || q.Count(x => x?.IsOverall == true) <= 1).WithMessage(_ => ValidationTexts.Get("OneOverallQuestion"));
        RuleForEach(x => x.Questions).NotNull().SetValidator(new QuestionInputValidator());
    }
}

public sealed class QuestionInputValidator : AbstractValidator<QuestionInput>
{
    public QuestionInputValidator()
    {
        RuleFor(x => x.Key).NotEmpty().MaximumLength(SurveyQuestion.KeyMaxLength).Matches("^[A-Za-z][A-Za-z0-9_-]{0,39}$")
            .WithMessage(_ => ValidationTexts.Get("QuestionKeyFormat"));
        RuleFor(x => x.Text).NotEmpty().MaximumLength(SurveyQuestion.TextMaxLength);
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.Options).MaxItems(SurveyQuestion.MaxOptions)
            .WithMessage(_ => ValidationTexts.Format("SingleChoiceOptions", SurveyQuestion.MaxOptions));
        RuleFor(x => x.Options).Must(o => o is { Count: >= 2 and <= SurveyQuestion.MaxOptions })
            .When(x => x.Kind == QuestionKind.SingleChoice).WithMessage(_ => ValidationTexts.Format("SingleChoiceOptions", SurveyQuestion.MaxOptions));
        RuleFor(x => x.Options).Must(o => o is null || o.Count == 0)
            .When(x => x.Kind != QuestionKind.SingleChoice).WithMessage(_ => ValidationTexts.Get("OptionsOnlyForSingleChoice"));
        RuleFor(x => x.Options).Must(o => o is null || o.Where(v => v is not null).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).Count() == o.Count)
            .WithMessage(_ => ValidationTexts.Get("OptionsUnique"));
        RuleForEach(x => x.Options).NotEmpty().MaximumLength(SurveyQuestion.OptionMaxLength);
        RuleFor(x => x.IsOverall).Must(o => o != true).When(x => x.Kind is not (QuestionKind.Score5 or QuestionKind.Score10))
            .WithMessage(_ => ValidationTexts.Get("OverallIsScore"));
    }
}

/// <summary>From what clients sent (validated) to the template's questions.</summary>
public static class SurveyQuestionRules
{
    public static IReadOnlyList<SurveyQuestion> ToQuestions(this IReadOnlyList<QuestionInput> questions) =>
        questions.Select(q => SurveyQuestion.Create(q.Key!, q.Text!, q.Kind!.Value, q.Options, q.IsOverall ?? false, q.Required ?? false)).ToList();
}
