using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RecordCustomerResponse;

public sealed class RecordCustomerResponseCommandValidator : AbstractValidator<RecordCustomerResponseCommand>
{
    public RecordCustomerResponseCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.RecourseOffered).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.RecourseOffered).NotEmpty().When(c => !c.Accepted).WithMessage("When the customer rejects the solution, record the recourse offered to them.");
    }
}
