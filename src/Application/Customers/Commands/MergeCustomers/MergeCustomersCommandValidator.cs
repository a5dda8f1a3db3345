using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Customers.Commands.MergeCustomers;

public sealed class MergeCustomersCommandValidator : AbstractValidator<MergeCustomersCommand>
{
    public MergeCustomersCommandValidator(IValidator<MergeCustomersInput> input)
    {
        RuleFor(c => c.SurvivorId).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
        RuleFor(c => c.Input.DuplicateId).NotEqual(c => c.SurvivorId).When(c => c.Input is not null)
            .OverridePropertyName("duplicateId").WithMessage(_ => ValidationTexts.Get("MergeDifferentCustomer"));
    }
}

public sealed class MergeCustomersInputValidator : AbstractValidator<MergeCustomersInput>
{
    public MergeCustomersInputValidator()
    {
        RuleFor(c => c.DuplicateId).NotEmpty();
    }
}
