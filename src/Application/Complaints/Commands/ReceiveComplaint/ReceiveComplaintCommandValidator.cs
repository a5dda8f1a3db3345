using System.Text.Json;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ReceiveComplaint;

public sealed class ReceiveComplaintCommandValidator : AbstractValidator<ReceiveComplaintCommand>
{
    public ReceiveComplaintCommandValidator(IValidator<ReceiveComplaintInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ReceiveComplaintInputValidator : AbstractValidator<ReceiveComplaintInput>
{
    public ReceiveComplaintInputValidator(IContactNormaliser normaliser, TimeProvider time)
    {
        RuleFor(c => c.Channel).NotNull().WithMessage(_ => ValidationTexts.Format("ChannelRequired", string.Join(", ", Enum.GetNames<Channel>().Select(JsonNamingPolicy.CamelCase.ConvertName))));
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c).Must(c => c.CustomerId is not null ^ c.Customer is not null)
            .WithName("customer").OverridePropertyName("customer").WithMessage(_ => ValidationTexts.Get("CustomerEitherOr"));
        RuleFor(c => c.CustomerId).NotEqual(Guid.Empty);
        RuleFor(c => c.Customer!).SetValidator(new InlineCustomerValidator(normaliser)).When(c => c.Customer is not null);
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Complaint.TitleMaxLength);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Complaint.DescriptionMaxLength);
        RuleFor(c => c.RemedySought).MaximumLength(Complaint.RemedyMaxLength);
        RuleFor(c => c.OccurredAt).LessThanOrEqualTo(_ => time.GetUtcNow().AddMinutes(5)).WithMessage(_ => ValidationTexts.Get("NotInTheFuture"))
            .GreaterThanOrEqualTo(_ => time.GetUtcNow().AddYears(-20)).WithMessage(_ => ValidationTexts.Get("NotMoreThan20YearsBack"));
        RuleFor(c => c.Category).MaximumLength(ComplaintCategories.MaxLength);
        RuleFor(c => c.Location).MaximumLength(Complaint.LocationMaxLength);
        RuleFor(c => c.Scope).IsInEnum();
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.ExternalReference).MaximumLength(Complaint.ExternalReferenceMaxLength);
        RuleFor(c => c.Product).MaximumLength(Complaint.ProductMaxLength);
    }
}

public sealed class InlineCustomerValidator : AbstractValidator<InlineCustomer>
{
    public InlineCustomerValidator(IContactNormaliser normaliser)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Customer.NameMaxLength);
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Phone) || !string.IsNullOrWhiteSpace(x.Email))
            .OverridePropertyName("phone").WithMessage(_ => ValidationTexts.Get("CustomerContactRequired"));
        RuleFor(x => x.Phone).MaximumLength(ContactPoint.ValueMaxLength);
        RuleFor(x => x.Phone).Must(p => normaliser.NormalisePhone(p!) is not null).When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage(_ => ValidationTexts.Get("PhoneInvalid"));
        RuleFor(x => x.Email).MaximumLength(ContactPoint.ValueMaxLength).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}
