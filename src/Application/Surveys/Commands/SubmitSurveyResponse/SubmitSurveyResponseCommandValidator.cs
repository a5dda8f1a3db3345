using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Surveys;
using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.SubmitSurveyResponse;

public sealed class SubmitSurveyResponseCommandValidator : AbstractValidator<SubmitSurveyResponseCommand>
{
    public SubmitSurveyResponseCommandValidator(IValidator<SubmitSurveyResponseInput> input)
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(InvitationTokens.MaxLength);
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class SubmitSurveyResponseInputValidator : AbstractValidator<SubmitSurveyResponseInput>
{
    public SubmitSurveyResponseInputValidator()
    {
        RuleFor(c => c.Answers).NotEmpty().WithMessage(_ => ValidationTexts.Get("AnswersRequired"))
            .MaxItems(SurveyTemplate.MaxQuestions)
            .WithMessage(_ => ValidationTexts.Format("AnswersMax", SurveyTemplate.MaxQuestions));
        RuleFor(c => c.Answers).Must(a => a is null || a.Where(x => x?.QuestionKey is not null).GroupBy(x => x.QuestionKey).All(g => g.Count() == 1))
            .WithMessage(_ => ValidationTexts.Get("AnswerOnce"));
        RuleForEach(c => c.Answers).NotNull().SetValidator(new AnswerInputValidator());
    }
}

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator()
    {
        RuleFor(x => x.QuestionKey).NotEmpty().MaximumLength(SurveyQuestion.KeyMaxLength);
        RuleFor(x => x.Score).InclusiveBetween(SurveyQuestion.LowestScore, SurveyQuestion.HighestScore);
        RuleFor(x => x.Choice).MaximumLength(SurveyQuestion.OptionMaxLength);
        RuleFor(x => x.Text).MaximumLength(SurveyInvitation.TextAnswerMaxLength);
    }
}
