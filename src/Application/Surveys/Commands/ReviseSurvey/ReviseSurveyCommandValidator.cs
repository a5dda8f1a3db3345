using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.ReviseSurvey;

public sealed class ReviseSurveyCommandValidator : AbstractValidator<ReviseSurveyCommand>
{
    public ReviseSurveyCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        this.AddSurveyRules(c => c.Name, c => c.Description, c => c.Questions);
    }
}
