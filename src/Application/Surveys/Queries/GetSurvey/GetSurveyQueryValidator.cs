using FluentValidation;

namespace CustomerCare.Application.Surveys.Queries.GetSurvey;

public sealed class GetSurveyQueryValidator : AbstractValidator<GetSurveyQuery>
{
    public GetSurveyQueryValidator()
    {
        RuleFor(q => q.Id).NotEmpty();
        RuleFor(q => q.Version).GreaterThan(0);
    }
}
