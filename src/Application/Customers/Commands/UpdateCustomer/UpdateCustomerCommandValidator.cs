using CustomerCare.Application.Common.Interfaces;
using FluentValidation;

namespace CustomerCare.Application.Customers.Commands.UpdateCustomer;

public sealed class UpdateCustomerCommandValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerCommandValidator(IContactNormaliser normaliser, TimeProvider time)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Customer).NotNull().SetValidator(new CustomerInputValidator(normaliser, time)).OverridePropertyName(string.Empty);
    }
}
