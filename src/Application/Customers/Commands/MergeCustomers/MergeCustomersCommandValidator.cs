using FluentValidation;

namespace CustomerCare.Application.Customers.Commands.MergeCustomers;

public sealed class MergeCustomersCommandValidator : AbstractValidator<MergeCustomersCommand>
{
    public MergeCustomersCommandValidator()
    {
        RuleFor(c => c.SurvivorId).NotEmpty();
        RuleFor(c => c.DuplicateId).NotEmpty().NotEqual(c => c.SurvivorId).WithMessage("Name a different customer to merge in.");
    }
}
