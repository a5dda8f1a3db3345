using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>Runs an <see cref="SlaScanner"/> pass every <c>CustomerCare:Sla:ScanInterval</c> (zero turns it off).</summary>
public sealed partial class SlaBreachWorker(IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaBreachWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ScanInterval;
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
                var scanner = scope.ServiceProvider.GetRequiredService<SlaScanner>();
                while ((await scanner.ScanOnceAsync(stoppingToken)) is { Breaches: > 0 } or { AtRisk: > 0 })
                {
                    // A full batch may leave more behind: keep going until a pass finds nothing.
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "SLA scan failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
