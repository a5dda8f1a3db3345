using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.CloseComplaint;

public sealed class CloseComplaintCommandValidator : AbstractValidator<CloseComplaintCommand>
{
    public CloseComplaintCommandValidator(IValidator<CloseComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
        RuleFor(c => c.Input.DuplicateOfId).NotEqual(c => c.Id).When(c => c.Input is { DuplicateOfId: not null })
            .OverridePropertyName("duplicateOfId").WithMessage(_ => ValidationTexts.Get("DuplicateOfItself"));
    }
}

public sealed class CloseComplaintInputValidator : AbstractValidator<CloseComplaintInput>
{
    public CloseComplaintInputValidator()
    {
        RuleFor(c => c.Reason).Required();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Satisfaction).InclusiveBetween(1, 5);
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.DuplicateOfId).NotEmpty().When(c => c.Reason == ClosingReason.Duplicate).WithMessage(_ => ValidationTexts.Get("DuplicateOfRequired"));
        RuleFor(c => c.DuplicateOfId).Null().When(c => c.Reason != ClosingReason.Duplicate).WithMessage(_ => ValidationTexts.Get("DuplicateOfOnlyForDuplicates"));
    }
}
