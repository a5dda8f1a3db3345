using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Surveys.Queries.GetCampaign;

public sealed record GetCampaignQuery(Guid Id) : IQuery<CampaignDto>;

public sealed class GetCampaignQueryHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<GetCampaignQuery, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(GetCampaignQuery query, CancellationToken cancellationToken) =>
        await CampaignQueries.DtoAsync(db, query.Id, time.GetUtcNow(), cancellationToken);
}
