using Mediator;

namespace CustomerCare.Application.Surveys.Commands.RunSurveyCampaigns;

/// <summary>What the campaign worker runs: open the waves that are due, write their invitations.</summary>
public sealed record RunSurveyCampaignsCommand : ICommand<int>;

public sealed class RunSurveyCampaignsCommandHandler(SurveyInviter inviter, TimeProvider time) : ICommandHandler<RunSurveyCampaignsCommand, int>
{
    public async ValueTask<int> Handle(RunSurveyCampaignsCommand command, CancellationToken cancellationToken) =>
        await inviter.RunDueWavesAsync(time.GetUtcNow(), cancellationToken);
}
