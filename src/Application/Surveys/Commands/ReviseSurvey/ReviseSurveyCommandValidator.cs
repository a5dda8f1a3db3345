using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.ReviseSurvey;

public sealed class ReviseSurveyCommandValidator : AbstractValidator<ReviseSurveyCommand>
{
    public ReviseSurveyCommandValidator(IValidator<SurveyInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}
