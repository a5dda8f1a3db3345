using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Feedback.Queries.ListFeedback;

public sealed class ListFeedbackQueryValidator : AbstractValidator<ListFeedbackQuery>
{
    public ListFeedbackQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.CustomerId).NotEqual(Guid.Empty);
        RuleFor(q => q.HandlerId).NotEqual(Guid.Empty);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
