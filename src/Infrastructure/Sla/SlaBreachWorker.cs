using CustomerCare.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>Runs an <see cref="SlaScanner"/> pass every <c>CustomerCare:Sla:ScanInterval</c> (zero turns it off).</summary>
public sealed class SlaBreachWorker(IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaBreachWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ScanInterval;

    protected override string Name => "SLA scan";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var scanner = services.GetRequiredService<SlaScanner>();
        while ((await scanner.ScanOnceAsync(stoppingToken)) is { Breaches: > 0 } or { AtRisk: > 0 })
        {
            // A full batch may leave more behind: keep going until a pass finds nothing.
        }
    }
}
