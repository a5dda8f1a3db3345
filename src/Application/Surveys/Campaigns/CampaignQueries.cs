using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Surveys;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Surveys.Campaigns;

public static class CampaignQueries
{
    internal static IQueryable<CampaignDto> Project(IQueryable<SurveyCampaign> campaigns, IApplicationDbContext db, DateTimeOffset now) =>
        campaigns.Select(c => new
        {
            Campaign = c,
            Sent = db.SurveyInvitations.Count(i => i.CampaignId == c.Id),
            Answered = db.SurveyInvitations.Count(i => i.CampaignId == c.Id && i.AnsweredAt != null),
            Expired = db.SurveyInvitations.Count(i => i.CampaignId == c.Id && i.AnsweredAt == null && i.ExpiresAt <= now),
        }).Select(x => new CampaignDto(
            x.Campaign.Id, x.Campaign.TemplateId, x.Campaign.Name, x.Campaign.Schedule, x.Campaign.Segment, x.Campaign.CustomerIds.Length,
            x.Campaign.Channel, x.Campaign.Product, x.Campaign.ResponseDays, x.Campaign.StartsAt, x.Campaign.NextRunAt, x.Campaign.LastRunAt,
            x.Campaign.Waves, x.Campaign.OpenWave != null, x.Campaign.IsActive,
            new CampaignCountsDto(x.Sent, x.Answered, x.Expired),
            x.Campaign.CreatedAt, x.Campaign.Version));

    internal static async Task<CampaignDto> DtoAsync(IApplicationDbContext db, Guid id, DateTimeOffset now, CancellationToken ct) =>
        await Project(db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == id), db, now).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Campaign", id);
}

public sealed record ListCampaignsQuery(Guid? SurveyId, bool? Active, int Page, int PageSize) : IQuery<PagedList<CampaignDto>>;

public sealed class ListCampaignsQueryValidator : AbstractValidator<ListCampaignsQuery>
{
    public ListCampaignsQueryValidator()
    {
        RuleFor(q => q.SurveyId).NotEqual(Guid.Empty);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}

public sealed class ListCampaignsQueryHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<ListCampaignsQuery, PagedList<CampaignDto>>
{
    public async ValueTask<PagedList<CampaignDto>> Handle(ListCampaignsQuery query, CancellationToken cancellationToken)
    {
        var campaigns = db.SurveyCampaigns.AsNoTracking();
        if (query.SurveyId is { } surveyId)
        {
            campaigns = campaigns.Where(c => c.TemplateId == surveyId);
        }

        if (query.Active is { } active)
        {
            campaigns = campaigns.Where(c => c.IsActive == active);
        }

        return await PagedList<CampaignDto>.CreateAsync(
            CampaignQueries.Project(campaigns.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id), db, time.GetUtcNow()),
            query.Page, query.PageSize, cancellationToken);
    }
}

public sealed record GetCampaignQuery(Guid Id) : IQuery<CampaignDto>;

public sealed class GetCampaignQueryValidator : AbstractValidator<GetCampaignQuery>
{
    public GetCampaignQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}

public sealed class GetCampaignQueryHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<GetCampaignQuery, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(GetCampaignQuery query, CancellationToken cancellationToken) =>
        await CampaignQueries.DtoAsync(db, query.Id, time.GetUtcNow(), cancellationToken);
}

/// <summary>
/// A campaign's invitations with their links, for the mailer or the agents who send them; <c>pending</c> keeps those
/// neither answered nor expired.
/// </summary>
public sealed record ListInvitationsQuery(Guid CampaignId, bool PendingOnly, int Page, int PageSize) : IQuery<PagedList<InvitationDto>>;

public sealed class ListInvitationsQueryValidator : AbstractValidator<ListInvitationsQuery>
{
    public ListInvitationsQueryValidator()
    {
        RuleFor(q => q.CampaignId).NotEmpty();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}

public sealed class ListInvitationsQueryHandler(IApplicationDbContext db, IOptions<SurveyOptions> options, TimeProvider time)
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
        var linkBase = options.Value.ResponseLinkBase is { Length: > 0 } configured ? configured : "/api/v1/survey-responses/";
        return page.Select(i => new InvitationDto(i.Id, i.CustomerId, i.ComplaintId, i.Wave, i.TemplateVersion, i.Channel, i.CreatedAt, i.ExpiresAt,
            i.AnsweredAt, i.Token, linkBase + i.Token));
    }
}
