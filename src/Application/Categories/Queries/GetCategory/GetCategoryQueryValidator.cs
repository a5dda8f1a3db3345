using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Categories.Queries.GetCategory;

public sealed class GetCategoryQueryValidator : AbstractValidator<GetCategoryQuery>
{
    public GetCategoryQueryValidator() => RuleFor(q => q.Code).ClassificationCode();
}
