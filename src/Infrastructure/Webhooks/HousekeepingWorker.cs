using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>Every ten minutes, forgets what is past its retention: idempotency keys, succeeded deliveries and their events.</summary>
public sealed class HousekeepingWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<HousekeepingWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override string Name => "Housekeeping";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        await services.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(stoppingToken);
        await services.GetRequiredService<WebhookDispatcher>().PurgeAsync(stoppingToken);
    }
}
