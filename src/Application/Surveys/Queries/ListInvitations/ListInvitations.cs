using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Mappings;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Surveys.Queries.GetCampaign;
using CustomerCare.Domain.Surveys;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Surveys.Queries.ListInvitations;

/// <summary>
/// A campaign's invitations with their links, for the mailer or the agents who send them; <c>pending</c> keeps those
/// neither answered nor expired.
/// </summary>
public sealed record ListInvitationsQuery(Guid CampaignId, bool PendingOnly, int Page, int PageSize) : IQuery<PagedList<InvitationDto>>;

public sealed class ListInvitationsQueryHandler(IApplicationDbContext db, IOptions<SurveyOptions> options, TimeProvider time, IMapper mapper)
    : IQueryHandler<ListInvitationsQuery, PagedList<InvitationDto>>
{
    public async ValueTask<PagedList<InvitationDto>> Handle(ListInvitationsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.SurveyCampaigns.AnyAsync(c => c.Id == query.CampaignId, cancellationToken))
        {
            throw new NotFoundException("Campaign", query.CampaignId);
        }

        var now = time.GetUtcNow();
        var invitations = db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == query.CampaignId);
        if (query.PendingOnly)
        {
            invitations = invitations.Where(i => i.AnsweredAt == null && i.ExpiresAt > now);
        }

        var page = await PagedList<SurveyInvitation>.CreateAsync(invitations.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id), query.Page, query.PageSize, cancellationToken);
        return page.Select(i => mapper.Map<InvitationDto>(i, (InvitationDto.LinkBase, options.Value.LinkFor(string.Empty))));
    }
}
