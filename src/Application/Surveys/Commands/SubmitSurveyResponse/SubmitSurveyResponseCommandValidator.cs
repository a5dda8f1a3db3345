using CustomerCare.Domain.Surveys;
using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.SubmitSurveyResponse;

public sealed class SubmitSurveyResponseCommandValidator : AbstractValidator<SubmitSurveyResponseCommand>
{
    public SubmitSurveyResponseCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(InvitationTokens.MaxLength);
        RuleFor(c => c.Answers).NotEmpty().WithMessage("Answer at least one question.")
            .Must(a => a is null || a.Count <= SurveyTemplate.MaxQuestions)
            .WithMessage($"At most {SurveyTemplate.MaxQuestions} answers.");
        RuleFor(c => c.Answers).Must(a => a is null || a.Where(x => x?.QuestionKey is not null).GroupBy(x => x.QuestionKey).All(g => g.Count() == 1))
            .WithMessage("Answer each question once.");
        RuleForEach(c => c.Answers).NotNull().ChildRules(a =>
        {
            a.RuleFor(x => x.QuestionKey).NotEmpty().MaximumLength(SurveyQuestion.KeyMaxLength);
            a.RuleFor(x => x.Score).InclusiveBetween(SurveyQuestion.LowestScore, SurveyQuestion.HighestScore);
            a.RuleFor(x => x.Choice).MaximumLength(SurveyQuestion.OptionMaxLength);
            a.RuleFor(x => x.Text).MaximumLength(SurveyInvitation.TextAnswerMaxLength);
        });
    }
}
