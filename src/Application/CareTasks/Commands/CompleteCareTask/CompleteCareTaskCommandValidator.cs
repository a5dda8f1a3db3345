using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.CareTasks;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.CompleteCareTask;

public sealed class CompleteCareTaskCommandValidator : AbstractValidator<CompleteCareTaskCommand>
{
    public CompleteCareTaskCommandValidator(IValidator<CompleteCareTaskInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CompleteCareTaskInputValidator : AbstractValidator<CompleteCareTaskInput>
{
    public CompleteCareTaskInputValidator()
    {
        RuleFor(c => c.Result).Required();
        RuleFor(c => c.Result).IsInEnum();
        RuleFor(c => c.Outcome).MaximumLength(CareTask.NotesMaxLength);
    }
}
