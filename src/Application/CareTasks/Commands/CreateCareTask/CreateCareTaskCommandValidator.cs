using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.CareTasks;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Commands.CreateCareTask;

public sealed class CreateCareTaskCommandValidator : AbstractValidator<CreateCareTaskCommand>
{
    public CreateCareTaskCommandValidator(IValidator<CreateCareTaskInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateCareTaskInputValidator : AbstractValidator<CreateCareTaskInput>
{
    public CreateCareTaskInputValidator()
    {
        RuleFor(c => c.DueOn).Required();
        RuleFor(c => c.Kind).Required();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.ComplaintId).NotEqual(Guid.Empty);
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
        RuleFor(c => c.DueOn).NotEqual(default(DateOnly)).WithMessage(_ => ValidationTexts.Get("DueOnRequired"))
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(CareTask.SubjectMaxLength);
        RuleFor(c => c.Notes).MaximumLength(CareTask.NotesMaxLength);
    }
}
