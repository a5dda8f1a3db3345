using CustomerCare.Application.Common.Interfaces;
using FluentValidation;

namespace CustomerCare.Application.Customers.Commands.CreateCustomer;

public sealed class CreateCustomerCommandValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerCommandValidator(IContactNormaliser normaliser, TimeProvider time) =>
        RuleFor(c => c.Customer).NotNull().SetValidator(new CustomerInputValidator(normaliser, time)).OverridePropertyName(string.Empty);
}
