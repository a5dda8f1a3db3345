using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Commands.StartImprovementAction;

public sealed class StartImprovementActionCommandValidator : AbstractValidator<StartImprovementActionCommand>
{
    public StartImprovementActionCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
