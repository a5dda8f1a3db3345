using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.CareTasks.Queries.ListCareTasks;

public sealed class ListCareTasksQueryValidator : AbstractValidator<ListCareTasksQuery>
{
    public ListCareTasksQueryValidator()
    {
        RuleFor(q => q.View).IsInEnum();
        RuleFor(q => q.OwnerId).NotEqual(Guid.Empty);
        RuleFor(q => q.CustomerId).NotEqual(Guid.Empty);
        RuleFor(q => q.ComplaintId).NotEqual(Guid.Empty);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
