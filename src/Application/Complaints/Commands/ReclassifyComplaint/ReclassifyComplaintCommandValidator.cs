using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Complaints;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.ReclassifyComplaint;

public sealed class ReclassifyComplaintCommandValidator : AbstractValidator<ReclassifyComplaintCommand>
{
    public ReclassifyComplaintCommandValidator(IOptions<ComplaintOptions> options)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Category).NotEmpty().Must(c => options.Value.Routing.ContainsKey(c))
            .WithMessage(_ => $"Unknown category; use one of: {string.Join(", ", options.Value.Routing.Keys)}.");
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}
