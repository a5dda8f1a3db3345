using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.PauseSla;

public sealed class PauseSlaCommandValidator : AbstractValidator<PauseSlaCommand>
{
    public PauseSlaCommandValidator(IValidator<PauseSlaInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class PauseSlaInputValidator : AbstractValidator<PauseSlaInput>
{
    public PauseSlaInputValidator()
    {
        RuleFor(c => c.Reason).Required();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
    }
}
