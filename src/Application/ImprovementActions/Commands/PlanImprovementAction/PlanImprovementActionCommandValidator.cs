using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Commands.PlanImprovementAction;

public sealed class PlanImprovementActionCommandValidator : AbstractValidator<PlanImprovementActionCommand>
{
    public PlanImprovementActionCommandValidator(IValidator<ImprovementActionInput> input) =>
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
}
