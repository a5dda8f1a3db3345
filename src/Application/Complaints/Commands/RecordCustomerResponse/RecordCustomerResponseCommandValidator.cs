using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RecordCustomerResponse;

public sealed class RecordCustomerResponseCommandValidator : AbstractValidator<RecordCustomerResponseCommand>
{
    public RecordCustomerResponseCommandValidator(IValidator<RecordCustomerResponseInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class RecordCustomerResponseInputValidator : AbstractValidator<RecordCustomerResponseInput>
{
    public RecordCustomerResponseInputValidator()
    {
        RuleFor(c => c.Accepted).Required();
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.RecourseOffered).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.RecourseOffered).NotEmpty().When(c => c.Accepted == false).WithMessage(_ => ValidationTexts.Get("RecourseRequired"));
    }
}
