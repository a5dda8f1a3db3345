using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ResolveComplaint;

public sealed class ResolveComplaintCommandValidator : AbstractValidator<ResolveComplaintCommand>
{
    public ResolveComplaintCommandValidator(IValidator<ResolveComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ResolveComplaintInputValidator : AbstractValidator<ResolveComplaintInput>
{
    public ResolveComplaintInputValidator()
    {
        RuleFor(c => c.Outcome).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.CompensationAmount).InclusiveBetween(0m, 100_000_000m);
        RuleFor(c => c.CompensationCurrency).NotEmpty().Matches("^[A-Za-z]{3}$").When(c => c.CompensationAmount is not null)
            .WithMessage(_ => ValidationTexts.Get("CurrencyRequired"));
        RuleFor(c => c.CompensationCurrency).MaximumLength(3);
        RuleFor(c => c.CompensationDescription).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.FedBackVia).Required().IsInEnum();
    }
}
