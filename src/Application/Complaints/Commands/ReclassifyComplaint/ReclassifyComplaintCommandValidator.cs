using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ReclassifyComplaint;

public sealed class ReclassifyComplaintCommandValidator : AbstractValidator<ReclassifyComplaintCommand>
{
    public ReclassifyComplaintCommandValidator(IValidator<ReclassifyComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ReclassifyComplaintInputValidator : AbstractValidator<ReclassifyComplaintInput>
{
    public ReclassifyComplaintInputValidator()
    {
        RuleFor(c => c.Severity).Required();
        RuleFor(c => c.Category).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintCategories.MaxLength);
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}
