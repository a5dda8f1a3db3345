using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Incidents.Queries.ListIncidents;

public sealed class ListIncidentsQueryValidator : AbstractValidator<ListIncidentsQuery>
{
    public ListIncidentsQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
