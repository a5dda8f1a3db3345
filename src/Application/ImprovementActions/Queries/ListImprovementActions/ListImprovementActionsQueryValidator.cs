using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Queries.ListImprovementActions;

public sealed class ListImprovementActionsQueryValidator : AbstractValidator<ListImprovementActionsQuery>
{
    public ListImprovementActionsQueryValidator()
    {
        RuleFor(q => q.View).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.TracedTo).IsInEnum();
        RuleFor(q => q.Category).MaximumLength(Domain.Complaints.ClassificationTerm.CodeMaxLength);
        RuleFor(q => q.Cause).MaximumLength(Domain.Complaints.ClassificationTerm.CodeMaxLength);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
