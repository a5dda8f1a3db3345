using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.CreateSurvey;

public sealed class CreateSurveyCommandValidator : AbstractValidator<CreateSurveyCommand>
{
    public CreateSurveyCommandValidator() => this.AddSurveyRules(c => c.Name, c => c.Description, c => c.Questions);
}
