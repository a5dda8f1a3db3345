using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

public sealed class GetSurveyAnalysisQueryValidator : AbstractValidator<GetSurveyAnalysisQuery>
{
    public GetSurveyAnalysisQueryValidator()
    {
        RuleFor(q => q.Id).NotEmpty();
        RuleFor(q => q.Version).GreaterThan(0);
        RuleFor(q => q.CampaignId).NotEqual(Guid.Empty);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage(_ => ValidationTexts.Get("AfterFrom"));
    }
}
