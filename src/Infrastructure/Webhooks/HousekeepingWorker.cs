using CustomerCare.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>Every ten minutes, forgets what is past its retention: idempotency keys, succeeded deliveries and their events.</summary>
public sealed partial class HousekeepingWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<HousekeepingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Housekeeping failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
