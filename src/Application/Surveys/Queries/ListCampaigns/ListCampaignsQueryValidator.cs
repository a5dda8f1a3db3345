using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Surveys.Queries.ListCampaigns;

public sealed class ListCampaignsQueryValidator : AbstractValidator<ListCampaignsQuery>
{
    public ListCampaignsQueryValidator()
    {
        RuleFor(q => q.SurveyId).NotEqual(Guid.Empty);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
