using FluentValidation;

namespace CustomerCare.Application.Customers.Commands.EndFollowUpPlan;

public sealed class EndFollowUpPlanCommandValidator : AbstractValidator<EndFollowUpPlanCommand>
{
    public EndFollowUpPlanCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
