using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.ListComplaints;

public sealed class ListComplaintsQueryValidator : AbstractValidator<ListComplaintsQuery>
{
    public ListComplaintsQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Severity).IsInEnum();
        RuleFor(q => q.Channel).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Sla).IsInEnum();
        RuleFor(q => q.EscalationLevel).InclusiveBetween(0, 100);
        RuleFor(q => q.Category).MaximumLength(ComplaintCategories.MaxLength);
        RuleFor(q => q.Q).MaximumLength(Paging.MaxSearchLength);
        RuleFor(q => q.ReceivedTo).GreaterThan(q => q.ReceivedFrom).When(q => q.ReceivedFrom is not null && q.ReceivedTo is not null);
        RuleFor(q => q.CreatedTo).GreaterThan(q => q.CreatedFrom).When(q => q.CreatedFrom is not null && q.CreatedTo is not null);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
