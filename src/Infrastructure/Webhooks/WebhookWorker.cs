using CustomerCare.Application.Common.Options;
using CustomerCare.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>
/// Runs <see cref="WebhookDispatcher"/> passes every <c>CustomerCare:Webhooks:DispatchInterval</c> (zero turns it off),
/// as long as a pass finds work.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    protected override string Name => "Webhook dispatch";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var dispatcher = services.GetRequiredService<WebhookDispatcher>();
        while ((await dispatcher.RunOnceAsync(stoppingToken)) is { Claimed: > 0 } or { FannedOut: > 0 })
        {
            // Keep going while there is work: events of one complaint go out one pass after another.
        }
    }
}
