using CustomerCare.Domain.ImprovementActions;
using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Commands.ReviewImprovementAction;

public sealed class ReviewImprovementActionCommandValidator : AbstractValidator<ReviewImprovementActionCommand>
{
    public ReviewImprovementActionCommandValidator(IValidator<ReviewImprovementActionInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ReviewImprovementActionInputValidator : AbstractValidator<ReviewImprovementActionInput>
{
    public ReviewImprovementActionInputValidator() => RuleFor(i => i.Note).MaximumLength(ImprovementAction.TextMaxLength);
}
