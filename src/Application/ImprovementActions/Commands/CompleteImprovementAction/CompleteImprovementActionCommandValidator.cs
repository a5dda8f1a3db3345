using CustomerCare.Domain.ImprovementActions;
using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Commands.CompleteImprovementAction;

public sealed class CompleteImprovementActionCommandValidator : AbstractValidator<CompleteImprovementActionCommand>
{
    public CompleteImprovementActionCommandValidator(IValidator<CompleteImprovementActionInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CompleteImprovementActionInputValidator : AbstractValidator<CompleteImprovementActionInput>
{
    public CompleteImprovementActionInputValidator() => RuleFor(i => i.Note).MaximumLength(ImprovementAction.TextMaxLength);
}
