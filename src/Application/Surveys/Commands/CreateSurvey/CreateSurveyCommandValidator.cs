using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.CreateSurvey;

public sealed class CreateSurveyCommandValidator : AbstractValidator<CreateSurveyCommand>
{
    public CreateSurveyCommandValidator(IValidator<SurveyInput> input) =>
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
}
