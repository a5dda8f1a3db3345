using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Causes.Commands.DeleteCause;

public sealed class DeleteCauseCommandValidator : AbstractValidator<DeleteCauseCommand>
{
    public DeleteCauseCommandValidator() => RuleFor(c => c.Code).ClassificationCode();
}
