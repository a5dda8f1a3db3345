using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.LookUpComplaintStatus;

public sealed class LookUpComplaintStatusCommandValidator : AbstractValidator<LookUpComplaintStatusCommand>
{
    public LookUpComplaintStatusCommandValidator(IValidator<StatusLookupInput> input) =>
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
}

public sealed class StatusLookupInputValidator : AbstractValidator<StatusLookupInput>
{
    public StatusLookupInputValidator()
    {
        RuleFor(i => i.Number).NotEmpty().MaximumLength(Complaint.NumberMaxLength);
        RuleFor(i => i.Contact).NotEmpty().MaximumLength(ContactPoint.ValueMaxLength);
        RuleFor(i => i.Code).NotEmpty().MaximumLength(StatusLookup.CodeLength);
    }
}
