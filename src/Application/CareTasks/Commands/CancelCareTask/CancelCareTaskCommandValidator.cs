using CustomerCare.Domain.CareTasks;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.CancelCareTask;

public sealed class CancelCareTaskCommandValidator : AbstractValidator<CancelCareTaskCommand>
{
    public CancelCareTaskCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(CareTask.NotesMaxLength);
    }
}
