using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Surveys.Queries.GetCampaign;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Commands.StopCampaign;

/// <summary>No more waves or post-closure invitations; links already sent stay valid until they expire.</summary>
public sealed record StopCampaignCommand(Guid Id, uint? ExpectedVersion) : ICommand<CampaignDto>;

public sealed class StopCampaignCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<StopCampaignCommand, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(StopCampaignCommand command, CancellationToken cancellationToken)
    {
        var campaign = await db.SurveyCampaigns.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Campaign", command.Id);
        db.ExpectVersion(campaign, command.ExpectedVersion);
        campaign.Stop(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await CampaignQueries.DtoAsync(db, campaign.Id, time.GetUtcNow(), cancellationToken);
    }
}
