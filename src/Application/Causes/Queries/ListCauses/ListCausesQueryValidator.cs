using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Causes.Queries.ListCauses;

public sealed class ListCausesQueryValidator : AbstractValidator<ListCausesQuery>
{
    public ListCausesQueryValidator() => RuleFor(q => q.Search).MaximumLength(ClassificationTerm.NameMaxLength);
}
