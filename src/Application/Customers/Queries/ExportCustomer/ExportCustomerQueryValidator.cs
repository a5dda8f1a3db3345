using FluentValidation;

namespace CustomerCare.Application.Customers.Queries.ExportCustomer;

public sealed class ExportCustomerQueryValidator : AbstractValidator<ExportCustomerQuery>
{
    public ExportCustomerQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
