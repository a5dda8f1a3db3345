using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.LogCustomerContact;

public sealed class LogCustomerContactCommandValidator : AbstractValidator<LogCustomerContactCommand>
{
    public LogCustomerContactCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Direction).IsInEnum();
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(TimelineEntry.TextMaxLength - 40);
    }
}
