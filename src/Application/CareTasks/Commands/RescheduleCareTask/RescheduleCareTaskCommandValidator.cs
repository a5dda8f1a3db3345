using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.RescheduleCareTask;

public sealed class RescheduleCareTaskCommandValidator : AbstractValidator<RescheduleCareTaskCommand>
{
    public RescheduleCareTaskCommandValidator(IValidator<RescheduleCareTaskInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class RescheduleCareTaskInputValidator : AbstractValidator<RescheduleCareTaskInput>
{
    public RescheduleCareTaskInputValidator()
    {
        RuleFor(c => c.DueOn).Required();
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
        RuleFor(c => c.DueOn).NotEqual(default(DateOnly)).WithMessage(_ => ValidationTexts.Get("DueOnRequired"))
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}
