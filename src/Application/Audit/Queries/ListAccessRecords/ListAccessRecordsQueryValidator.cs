using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Audit.Queries.ListAccessRecords;

public sealed class ListAccessRecordsQueryValidator : AbstractValidator<ListAccessRecordsQuery>
{
    public ListAccessRecordsQueryValidator()
    {
        RuleFor(q => q.Action).IsInEnum();
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
