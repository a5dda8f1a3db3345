using CustomerCare.Domain.CareTasks;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.CompleteCareTask;

public sealed class CompleteCareTaskCommandValidator : AbstractValidator<CompleteCareTaskCommand>
{
    public CompleteCareTaskCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Result).IsInEnum();
        RuleFor(c => c.Outcome).MaximumLength(CareTask.NotesMaxLength);
    }
}
