using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Commands.ReplanImprovementAction;

public sealed class ReplanImprovementActionCommandValidator : AbstractValidator<ReplanImprovementActionCommand>
{
    public ReplanImprovementActionCommandValidator(IValidator<ImprovementActionInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}
