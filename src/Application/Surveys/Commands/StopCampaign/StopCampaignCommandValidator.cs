using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.StopCampaign;

public sealed class StopCampaignCommandValidator : AbstractValidator<StopCampaignCommand>
{
    public StopCampaignCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
