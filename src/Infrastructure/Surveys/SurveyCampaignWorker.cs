using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Surveys;

/// <summary>
/// Every <c>CustomerCare:Surveys:CampaignInterval</c> (zero turns it off) opens the campaign waves that are due and
/// writes their invitations. Replicas cooperate through the database: a wave is opened under the campaign's row
/// version, and a customer is invited once per wave (unique index).
/// </summary>
public sealed partial class SurveyCampaignWorker(IServiceScopeFactory scopes, IOptions<SurveyOptions> options, TimeProvider time, ILogger<SurveyCampaignWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CampaignInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<SurveyInviter>().RunDueWavesAsync(time.GetUtcNow(), stoppingToken);
                if (written > 0)
                {
                    LogWritten(logger, written);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Survey campaigns: {Count} invitations written")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Survey campaign run failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
