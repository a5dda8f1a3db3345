using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Partners.Queries.ListPartners;

public sealed class ListPartnersQueryValidator : AbstractValidator<ListPartnersQuery>
{
    public ListPartnersQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(Paging.MaxSearchLength);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
