using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Surveys.Queries.GetCampaign;
using CustomerCare.Domain.Surveys;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys;

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
