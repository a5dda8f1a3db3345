using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Surveys.Queries.ListSurveys;

public sealed class ListSurveysQueryValidator : AbstractValidator<ListSurveysQuery>
{
    public ListSurveysQueryValidator()
    {
        RuleFor(q => q.Name).MaximumLength(Paging.MaxSearchLength);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
