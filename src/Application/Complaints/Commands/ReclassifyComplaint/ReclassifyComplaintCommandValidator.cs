using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Complaints;
using FluentValidation;
using Microsoft.Extensions.Options;

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
    public ReclassifyComplaintInputValidator(IOptions<ComplaintOptions> options)
    {
        RuleFor(c => c.Severity).Required();
        RuleFor(c => c.Category).Cascade(CascadeMode.Stop).NotEmpty().KnownCategory(options.Value);
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}
