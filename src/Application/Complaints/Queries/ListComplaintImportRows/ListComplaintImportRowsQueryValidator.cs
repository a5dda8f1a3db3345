using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.ListComplaintImportRows;

public sealed class ListComplaintImportRowsQueryValidator : AbstractValidator<ListComplaintImportRowsQuery>
{
    public ListComplaintImportRowsQueryValidator()
    {
        RuleFor(q => q.Id).NotEmpty();
        RuleFor(q => q.Status).IsInEnum();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
