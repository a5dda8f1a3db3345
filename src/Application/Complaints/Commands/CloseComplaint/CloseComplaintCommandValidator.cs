using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.CloseComplaint;

public sealed class CloseComplaintCommandValidator : AbstractValidator<CloseComplaintCommand>
{
    public CloseComplaintCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Satisfaction).InclusiveBetween(1, 5);
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.DuplicateOfId).NotEmpty().When(c => c.Reason == ClosingReason.Duplicate).WithMessage("Name the complaint this one duplicates.");
        RuleFor(c => c.DuplicateOfId).Null().When(c => c.Reason != ClosingReason.Duplicate).WithMessage("Only a duplicate names another complaint.");
        RuleFor(c => c.DuplicateOfId).NotEqual(c => c.Id).When(c => c.DuplicateOfId is not null).WithMessage("A complaint cannot duplicate itself.");
    }
}
