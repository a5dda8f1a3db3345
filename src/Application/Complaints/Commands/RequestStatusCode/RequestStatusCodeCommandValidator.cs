using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RequestStatusCode;

public sealed class RequestStatusCodeCommandValidator : AbstractValidator<RequestStatusCodeCommand>
{
    public RequestStatusCodeCommandValidator(IValidator<StatusCodeRequestInput> input) =>
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
}

public sealed class StatusCodeRequestInputValidator : AbstractValidator<StatusCodeRequestInput>
{
    public StatusCodeRequestInputValidator()
    {
        RuleFor(i => i.Number).NotEmpty().MaximumLength(Complaint.NumberMaxLength);
        RuleFor(i => i.Contact).NotEmpty().MaximumLength(ContactPoint.ValueMaxLength);
    }
}
