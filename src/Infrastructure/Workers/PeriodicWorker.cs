using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Workers;

/// <summary>
/// A background pass at start-up and then every <see cref="Interval"/> (zero or less turns the worker off), each in a
/// scope of its own. A failed pass is logged and the next one comes at the next tick; replicas cooperate through the
/// database, not through this loop.
/// </summary>
public abstract partial class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>How often a pass runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the worker does, as the log names it.</summary>
    protected abstract string Name { get; }

    /// <summary>One pass, with the services of its scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, Time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(Logger, ex, Name);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping and the pass was cut short: however its cancellation surfaced (a domain event
                // handler's arrives wrapped in the mediator's AggregateException), the worker ends quietly instead of
                // failing the host with a critical error on every shutdown. The pass's transaction was not committed.
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 7900, Level = LogLevel.Warning, Message = "{Worker} failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception, string worker);
}
