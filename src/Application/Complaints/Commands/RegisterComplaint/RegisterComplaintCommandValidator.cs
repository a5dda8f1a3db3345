using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RegisterComplaint;

public sealed class RegisterComplaintCommandValidator : AbstractValidator<RegisterComplaintCommand>
{
    public RegisterComplaintCommandValidator(IValidator<RegisterComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class RegisterComplaintInputValidator : AbstractValidator<RegisterComplaintInput>
{
    public RegisterComplaintInputValidator()
    {
        RuleFor(c => c.Severity).Required();
        RuleFor(c => c.Category).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintCategories.MaxLength);
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.Scope).IsInEnum();
        RuleFor(c => c.CustomerInformed!).SetValidator(new CustomerInformedInputValidator()).When(c => c.CustomerInformed is not null);
    }
}

public sealed class CustomerInformedInputValidator : AbstractValidator<CustomerInformedInput>
{
    public CustomerInformedInputValidator()
    {
        RuleFor(c => c.Via).Required().IsInEnum();
    }
}
