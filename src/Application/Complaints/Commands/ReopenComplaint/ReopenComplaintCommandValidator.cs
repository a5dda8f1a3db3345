using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ReopenComplaint;

public sealed class ReopenComplaintCommandValidator : AbstractValidator<ReopenComplaintCommand>
{
    public ReopenComplaintCommandValidator(IValidator<ReopenComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ReopenComplaintInputValidator : AbstractValidator<ReopenComplaintInput>
{
    public ReopenComplaintInputValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}
