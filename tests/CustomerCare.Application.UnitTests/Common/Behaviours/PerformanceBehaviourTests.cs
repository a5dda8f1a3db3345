using CustomerCare.Application.Common.Behaviours;
using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Application.UnitTests.Common.Behaviours;

public class PerformanceBehaviourTests
{
    private sealed class StaticOptions(MediatorPipelineOptions value) : IOptionsMonitor<MediatorPipelineOptions>
    {
        public MediatorPipelineOptions CurrentValue => value;

        public MediatorPipelineOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<MediatorPipelineOptions, string?> listener) => null;
    }

    private static async Task<FakeLogCollector> Run(TimeSpan handlerTakes, TimeSpan threshold)
    {
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<CreateThingCommand>();
        var behaviour = new PerformanceBehaviour<CreateThingCommand, string>(
            logger, time, new StaticOptions(new MediatorPipelineOptions { SlowRequestThreshold = threshold }));

        await behaviour.Handle(new CreateThingCommand("x", 1, []), (_, _) =>
        {
            time.Advance(handlerTakes);
            return ValueTask.FromResult("done");
        }, CancellationToken.None);

        return logger.Collector;
    }

    [Test]
    public async Task Handle_WhenSlowerThanThreshold_LogsWarningNamingTheRequest()
    {
        var logs = await Run(TimeSpan.FromMilliseconds(1200), TimeSpan.FromMilliseconds(500));

        Assert.That(logs.GetSnapshot(), Has.Exactly(1).Matches<FakeLogRecord>(r =>
            r.Level == LogLevel.Warning && r.Message.Contains("CreateThingCommand", StringComparison.Ordinal)
            && r.Message.Contains("1200 ms", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Handle_WhenWithinThreshold_LogsNothing()
    {
        var logs = await Run(TimeSpan.FromMilliseconds(499), TimeSpan.FromMilliseconds(500));

        Assert.That(logs.Count, Is.Zero);
    }
}
