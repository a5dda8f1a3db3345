using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.CustomerGrades.Queries.ListCustomerGrades;

public sealed class ListCustomerGradesQueryValidator : AbstractValidator<ListCustomerGradesQuery>
{
    public ListCustomerGradesQueryValidator() => RuleFor(q => q.Search).MaximumLength(ClassificationTerm.NameMaxLength);
}
