using FluentValidation;

namespace CustomerCare.Application.Customers.Queries.GetCustomer;

public sealed class GetCustomerQueryValidator : AbstractValidator<GetCustomerQuery>
{
    public GetCustomerQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
