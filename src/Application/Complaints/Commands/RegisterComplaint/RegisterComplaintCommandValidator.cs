using CustomerCare.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.RegisterComplaint;

public sealed class RegisterComplaintCommandValidator : AbstractValidator<RegisterComplaintCommand>
{
    public RegisterComplaintCommandValidator(IOptions<ComplaintOptions> options)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Category).NotEmpty().Must(c => options.Value.Routing.ContainsKey(c))
            .WithMessage(_ => $"Unknown category; use one of: {string.Join(", ", options.Value.Routing.Keys)}.");
        RuleFor(c => c.Severity).IsInEnum();
    }
}
