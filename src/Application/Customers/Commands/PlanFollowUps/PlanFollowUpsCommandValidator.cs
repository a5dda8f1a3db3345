using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Customers;
using FluentValidation;

namespace CustomerCare.Application.Customers.Commands.PlanFollowUps;

public sealed class PlanFollowUpsCommandValidator : AbstractValidator<PlanFollowUpsCommand>
{
    public PlanFollowUpsCommandValidator(IValidator<FollowUpPlanInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class FollowUpPlanInputValidator : AbstractValidator<FollowUpPlanInput>
{
    public FollowUpPlanInputValidator(TimeProvider time)
    {
        RuleFor(p => p.EveryMonths).Required().InclusiveBetween(1, Customer.MaxFollowUpEveryMonths);
        RuleFor(p => p.FirstOn).Required()
            .Must(day => day >= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(-1)) && day <= new DateOnly(2100, 12, 31))
            .WithMessage(_ => ValidationTexts.Get("NotStartInThePast"));
        RuleFor(p => p.OwnerId).NotEqual(Guid.Empty);
    }
}
