using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ReopenComplaint;

public sealed class ReopenComplaintCommandValidator : AbstractValidator<ReopenComplaintCommand>
{
    public ReopenComplaintCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}
