using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Surveys.Queries.GetCampaign;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Queries.ListCampaigns;

public sealed record ListCampaignsQuery(Guid? SurveyId, bool? Active, int Page, int PageSize) : IQuery<PagedList<CampaignDto>>;

public sealed class ListCampaignsQueryHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<ListCampaignsQuery, PagedList<CampaignDto>>
{
    public async ValueTask<PagedList<CampaignDto>> Handle(ListCampaignsQuery query, CancellationToken cancellationToken)
    {
        var campaigns = db.SurveyCampaigns.AsNoTracking();
        campaigns = campaigns
            .FilterBy(query.SurveyId, surveyId => c => c.TemplateId == surveyId)
            .FilterBy(query.Active, active => c => c.IsActive == active);

        return await PagedList<CampaignDto>.CreateAsync(
            CampaignQueries.Project(campaigns.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id), db, time.GetUtcNow()),
            query.Page, query.PageSize, cancellationToken);
    }
}
