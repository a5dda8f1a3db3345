using CustomerCare.Application.Common.Options;
using CustomerCare.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Notifications;

/// <summary>
/// Runs <see cref="NotificationDispatcher"/> passes every <c>CustomerCare:Notifications:DispatchInterval</c> (zero turns it
/// off), as long as a pass finds work.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    protected override string Name => "Notification dispatch";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var dispatcher = services.GetRequiredService<NotificationDispatcher>();
        while ((await dispatcher.RunOnceAsync(stoppingToken)) is { Claimed: > 0 })
        {
            // Keep going while there is work.
        }
    }
}
