using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ReturnComplaintToQueue;

public sealed class ReturnComplaintToQueueCommandValidator : AbstractValidator<ReturnComplaintToQueueCommand>
{
    public ReturnComplaintToQueueCommandValidator(IValidator<ReturnComplaintToQueueInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ReturnComplaintToQueueInputValidator : AbstractValidator<ReturnComplaintToQueueInput>
{
    public ReturnComplaintToQueueInputValidator() => RuleFor(i => i.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
}
