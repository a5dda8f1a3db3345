using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using FluentValidation;

namespace CustomerCare.Application.Customers.Queries.ListCustomers;

public sealed class ListCustomersQueryValidator : AbstractValidator<ListCustomersQuery>
{
    public ListCustomersQueryValidator(IContactNormaliser normaliser)
    {
        RuleFor(q => q.Name).MaximumLength(Customer.NameMaxLength);
        RuleFor(q => q.Phone).MaximumLength(ContactPoint.ValueMaxLength)
            .Must(p => normaliser.NormalisePhone(p!) is not null).When(q => !string.IsNullOrWhiteSpace(q.Phone))
            .WithMessage(_ => ValidationTexts.Get("PhoneInvalid"));
        RuleFor(q => q.Email).MaximumLength(ContactPoint.ValueMaxLength);
        RuleFor(q => q.Company).MaximumLength(Paging.MaxSearchLength);
        RuleFor(q => q.Segment).MaximumLength(Customer.SegmentMaxLength);
        RuleFor(q => q.Grade).MaximumLength(ClassificationTerm.CodeMaxLength);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
