using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.LogCustomerContact;

public sealed class LogCustomerContactCommandValidator : AbstractValidator<LogCustomerContactCommand>
{
    public LogCustomerContactCommandValidator(IValidator<LogCustomerContactInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class LogCustomerContactInputValidator : AbstractValidator<LogCustomerContactInput>
{
    public LogCustomerContactInputValidator()
    {
        RuleFor(c => c.Direction).Required();
        RuleFor(c => c.Channel).Required();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Direction).IsInEnum();
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(TimelineEntry.TextMaxLength - 40);
    }
}
