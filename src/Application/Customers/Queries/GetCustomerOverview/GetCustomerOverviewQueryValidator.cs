using FluentValidation;

namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

public sealed class GetCustomerOverviewQueryValidator : AbstractValidator<GetCustomerOverviewQuery>
{
    public GetCustomerOverviewQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
