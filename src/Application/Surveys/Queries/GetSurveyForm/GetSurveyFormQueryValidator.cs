using FluentValidation;

namespace CustomerCare.Application.Surveys.Queries.GetSurveyForm;

public sealed class GetSurveyFormQueryValidator : AbstractValidator<GetSurveyFormQuery>
{
    public GetSurveyFormQueryValidator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(InvitationTokens.MaxLength);
}
