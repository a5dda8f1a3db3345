using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>
/// Runs <see cref="WebhookDispatcher"/> passes every <c>CustomerCare:Webhooks:DispatchInterval</c> (zero turns it off),
/// as long as a pass finds work.
/// </summary>
public sealed partial class WebhookWorker(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DispatchInterval;
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
                var dispatcher = scope.ServiceProvider.GetRequiredService<WebhookDispatcher>();
                while ((await dispatcher.RunOnceAsync(stoppingToken)) is { Claimed: > 0 } or { FannedOut: > 0 })
                {
                    // Keep going while there is work: events of one complaint go out one pass after another.
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "Webhook dispatch failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
