using CustomerCare.Application.Surveys.Queries.GetSurvey;
using CustomerCare.Domain.Surveys;
using FluentValidation;

namespace CustomerCare.Application.Surveys;

/// <summary>The shape rules of a question list, checked before the template sees it (so mistakes are field errors).</summary>
public static class SurveyQuestionRules
{
    public static void AddSurveyRules<T>(this AbstractValidator<T> validator, Func<T, string> name, Func<T, string?> description, Func<T, IReadOnlyList<QuestionInput>?> questions)
    {
        validator.RuleFor(x => name(x)).NotEmpty().MaximumLength(SurveyTemplate.NameMaxLength).OverridePropertyName("name");
        validator.RuleFor(x => description(x)).MaximumLength(SurveyTemplate.DescriptionMaxLength).OverridePropertyName("description");
        validator.RuleFor(x => questions(x)).NotEmpty().OverridePropertyName("questions").WithMessage("Ask at least one question.")
            .Must(q => q is null || q.Count <= SurveyTemplate.MaxQuestions).WithMessage($"At most {SurveyTemplate.MaxQuestions} questions.")
            .Must(q => q is null || q.Where(x => x?.Key is not null).GroupBy(x => x.Key!.Trim(), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .WithMessage("Question keys must be unique.")
            .Must(q => q is null || q.Count(x => x?.IsOverall == true) <= 1).WithMessage("At most one question is the overall satisfaction question.");
        validator.RuleForEach<QuestionInput>(x => questions(x) ?? Array.Empty<QuestionInput>()).NotNull().ChildRules(q =>
        {
            q.RuleFor(x => x.Key).NotEmpty().Matches("^[A-Za-z][A-Za-z0-9_-]{0,39}$")
                .WithMessage("1–40 letters, digits, '-' or '_', starting with a letter.");
            q.RuleFor(x => x.Text).NotEmpty().MaximumLength(SurveyQuestion.TextMaxLength);
            q.RuleFor(x => x.Kind).NotNull().IsInEnum();
            q.RuleFor(x => x.Options).Must(o => o is { Count: >= 2 and <= SurveyQuestion.MaxOptions })
                .When(x => x.Kind == QuestionKind.SingleChoice).WithMessage($"A single-choice question has 2–{SurveyQuestion.MaxOptions} options.");
            q.RuleFor(x => x.Options).Must(o => o is null || o.Count == 0)
                .When(x => x.Kind != QuestionKind.SingleChoice).WithMessage("Only single-choice questions have options.");
            q.RuleFor(x => x.Options).Must(o => o is null || o.Where(v => v is not null).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).Count() == o.Count)
                .WithMessage("Options must not repeat.");
            q.RuleForEach(x => x.Options).NotEmpty().MaximumLength(SurveyQuestion.OptionMaxLength);
            q.RuleFor(x => x.IsOverall).Must(o => o != true).When(x => x.Kind is not (QuestionKind.Score5 or QuestionKind.Score10))
                .WithMessage("The overall satisfaction question must be a score question.");
        }).OverridePropertyName("questions");
    }

    public static IReadOnlyList<SurveyQuestion> ToQuestions(this IReadOnlyList<QuestionInput> questions) =>
        questions.Select(q => SurveyQuestion.Create(q.Key!, q.Text!, q.Kind!.Value, q.Options, q.IsOverall ?? false, q.Required ?? false)).ToList();
}
