using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Surveys;
using CustomerCare.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Surveys;

/// <summary>
/// Every <c>CustomerCare:Surveys:CampaignInterval</c> (zero turns it off) opens the campaign waves that are due and
/// writes their invitations. Replicas cooperate through the database: a wave is opened, and each batch of it written,
/// under the campaign's row version.
/// </summary>
public sealed partial class SurveyCampaignWorker(IServiceScopeFactory scopes, IOptions<SurveyOptions> options, TimeProvider time, ILogger<SurveyCampaignWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.CampaignInterval;

    protected override string Name => "Survey campaign run";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var written = await services.GetRequiredService<SurveyInviter>().RunDueWavesAsync(Time.GetUtcNow(), stoppingToken);
        if (written > 0)
        {
            LogWritten(Logger, written);
        }
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Survey campaigns: {Count} invitations written")]
    private static partial void LogWritten(ILogger logger, int count);
}
