using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Queries.ListImprovementActions;

public sealed class ListImprovementActionsQueryValidator : AbstractValidator<ListImprovementActionsQuery>
{
    public ListImprovementActionsQueryValidator()
    {
        RuleFor(q => q.View).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.TracedTo).IsInEnum();
        RuleFor(q => q.TargetId).NotNull().When(q => q.TracedTo is not null).WithMessage(_ => ValidationTexts.Get("TracedToWithTarget"));
        RuleFor(q => q.TracedTo).NotNull().When(q => q.TargetId is not null).WithMessage(_ => ValidationTexts.Get("TracedToWithTarget"));
        RuleFor(q => q.Category).MaximumLength(Domain.Complaints.ClassificationTerm.CodeMaxLength);
        RuleFor(q => q.Cause).MaximumLength(Domain.Complaints.ClassificationTerm.CodeMaxLength);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
