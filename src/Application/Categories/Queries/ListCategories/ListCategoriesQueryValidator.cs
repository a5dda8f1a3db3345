using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Categories.Queries.ListCategories;

public sealed class ListCategoriesQueryValidator : AbstractValidator<ListCategoriesQuery>
{
    public ListCategoriesQueryValidator() => RuleFor(q => q.Search).MaximumLength(ClassificationTerm.NameMaxLength);
}
