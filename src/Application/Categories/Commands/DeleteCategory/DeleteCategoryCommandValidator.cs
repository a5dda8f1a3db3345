using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Categories.Commands.DeleteCategory;

public sealed class DeleteCategoryCommandValidator : AbstractValidator<DeleteCategoryCommand>
{
    public DeleteCategoryCommandValidator() => RuleFor(c => c.Code).ClassificationCode();
}
