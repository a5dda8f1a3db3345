using FluentValidation;

namespace CustomerCare.Application.Customers.Commands.EraseCustomer;

public sealed class EraseCustomerCommandValidator : AbstractValidator<EraseCustomerCommand>
{
    public EraseCustomerCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
