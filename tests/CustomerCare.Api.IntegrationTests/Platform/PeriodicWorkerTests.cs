using CustomerCare.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// A background worker stopped in the middle of a pass ends quietly, whatever shape the pass's cancellation takes: a
/// domain event handler's arrives wrapped in the mediator's AggregateException, which used to fail the host
/// ("BackgroundService failed", critical) on every shutdown during an SLA scan.
/// </summary>
public sealed class PeriodicWorkerTests
{
    [Test]
    public async Task AWorkerStoppedInAPass_WhoseCancellationArrivesWrapped_EndsWithoutFailing()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var worker = new CancelledInAPass(services.GetRequiredService<IServiceScopeFactory>());
        await worker.StartAsync(CancellationToken.None);
        await worker.InPass.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await worker.StopAsync(CancellationToken.None);

        Assert.That(worker.ExecuteTask, Is.Not.Null);
        Assert.That(worker.ExecuteTask!.IsFaulted, Is.False, worker.ExecuteTask.Exception?.ToString());
    }

    [Test]
    public async Task AFailedPass_WhileRunning_IsRetriedAtTheNextTick()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var worker = new FailingTwice(services.GetRequiredService<IServiceScopeFactory>());
        await worker.StartAsync(CancellationToken.None);
        await worker.ThirdPass.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await worker.StopAsync(CancellationToken.None);
        Assert.That(worker.ExecuteTask!.IsFaulted, Is.False, "two failed passes were logged, not thrown");
    }

    private sealed class CancelledInAPass(IServiceScopeFactory scopes) : PeriodicWorker(scopes, TimeProvider.System, NullLogger.Instance)
    {
        public TaskCompletionSource InPass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override string Name => "test worker";

        protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
        {
            InPass.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException cancelled)
            {
                throw new AggregateException(cancelled); // as Mediator's ForeachAwaitPublisher reports a handler's cancellation
            }
        }
    }

    private sealed class FailingTwice(IServiceScopeFactory scopes) : PeriodicWorker(scopes, TimeProvider.System, NullLogger.Instance)
    {
        private int _passes;

        public TaskCompletionSource ThirdPass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(10);

        protected override string Name => "test worker";

        protected override Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
        {
            if (++_passes <= 2)
            {
                throw new InvalidOperationException("a failed pass");
            }

            ThirdPass.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
