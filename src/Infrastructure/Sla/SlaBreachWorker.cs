using CustomerCare.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>Recomputes clocks when the schedules changed (<see cref="SlaRescheduler"/>), then runs an <see cref="SlaScanner"/> pass every <c>CustomerCare:Sla:ScanInterval</c> (zero turns it off).</summary>
public sealed class SlaBreachWorker(IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaBreachWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ScanInterval;

    protected override string Name => "SLA scan";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var rescheduler = services.GetRequiredService<SlaRescheduler>();
        while (await rescheduler.RunBatchAsync(stoppingToken))
        {
            // Changed schedules: every open complaint's clocks are recomputed, a batch at a time, before the scan judges them.
        }

        var scanner = services.GetRequiredService<SlaScanner>();
        while ((await scanner.ScanOnceAsync(stoppingToken)) is { Breaches: > 0 } or { AtRisk: > 0 })
        {
            // A full batch may leave more behind: keep going until a pass finds nothing.
        }
    }
}
