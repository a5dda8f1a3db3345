using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Categories.Commands.PutCategory;

public sealed class PutCategoryCommandValidator : AbstractValidator<PutCategoryCommand>
{
    public PutCategoryCommandValidator(IValidator<CategoryInput> input)
    {
        RuleFor(c => c.Code).ClassificationCode();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CategoryInputValidator : AbstractValidator<CategoryInput>
{
    public CategoryInputValidator()
    {
        RuleFor(c => c.NameEn).ClassificationName();
        RuleFor(c => c.NameZhCn).ClassificationName();
        RuleFor(c => c.DepartmentId).Required().NotEqual(Guid.Empty);
    }
}
