using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Departments.Queries.ListDepartments;

public sealed class ListDepartmentsQueryValidator : AbstractValidator<ListDepartmentsQuery>
{
    public ListDepartmentsQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(Paging.MaxSearchLength);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
