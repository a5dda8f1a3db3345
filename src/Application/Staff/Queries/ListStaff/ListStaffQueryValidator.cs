using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Staff.Queries.ListStaff;

public sealed class ListStaffQueryValidator : AbstractValidator<ListStaffQuery>
{
    public ListStaffQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(Paging.MaxSearchLength);
        RuleFor(q => q.Role).IsInEnum();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
