using CustomerCare.Domain.CareTasks;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.CancelCareTask;

public sealed class CancelCareTaskCommandValidator : AbstractValidator<CancelCareTaskCommand>
{
    public CancelCareTaskCommandValidator(IValidator<CancelCareTaskInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CancelCareTaskInputValidator : AbstractValidator<CancelCareTaskInput>
{
    public CancelCareTaskInputValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(CareTask.NotesMaxLength);
    }
}
