using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.PauseSla;

public sealed class PauseSlaCommandValidator : AbstractValidator<PauseSlaCommand>
{
    public PauseSlaCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
    }
}
