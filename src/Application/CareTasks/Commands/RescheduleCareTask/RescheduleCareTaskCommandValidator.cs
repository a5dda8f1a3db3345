using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.RescheduleCareTask;

public sealed class RescheduleCareTaskCommandValidator : AbstractValidator<RescheduleCareTaskCommand>
{
    public RescheduleCareTaskCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
        RuleFor(c => c.DueOn).NotEqual(default(DateOnly)).WithMessage("Give the day the contact is due.")
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}
