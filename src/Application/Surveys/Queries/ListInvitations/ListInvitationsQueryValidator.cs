using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Surveys.Queries.ListInvitations;

public sealed class ListInvitationsQueryValidator : AbstractValidator<ListInvitationsQuery>
{
    public ListInvitationsQueryValidator()
    {
        RuleFor(q => q.CampaignId).NotEmpty();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
