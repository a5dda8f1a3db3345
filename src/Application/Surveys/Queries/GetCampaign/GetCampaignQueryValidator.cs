using FluentValidation;

namespace CustomerCare.Application.Surveys.Queries.GetCampaign;

public sealed class GetCampaignQueryValidator : AbstractValidator<GetCampaignQuery>
{
    public GetCampaignQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
