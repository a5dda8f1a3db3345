using CustomerCare.Application.Common.Behaviours;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CustomerCare.Application.UnitTests.Common.Behaviours;

public class UnhandledExceptionBehaviourTests
{
    private static (FakeLogger<CreateThingCommand> Logger, Exception? Thrown) Run(Exception toThrow)
    {
        var logger = new FakeLogger<CreateThingCommand>();
        var behaviour = new UnhandledExceptionBehaviour<CreateThingCommand, string>(logger);
        var thrown = Assert.CatchAsync(async () => await behaviour.Handle(
            new CreateThingCommand("x", 1, []), (_, _) => throw toThrow, CancellationToken.None));
        return (logger, thrown);
    }

    [Test]
    public void Handle_WhenHandlerFailsUnexpectedly_LogsErrorAndRethrowsSameException()
    {
        var failure = new InvalidOperationException("boom");

        var (logger, thrown) = Run(failure);

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(failure));
            Assert.That(logger.Collector.GetSnapshot(), Has.Exactly(1).Matches<FakeLogRecord>(r =>
                r.Level == LogLevel.Error && r.Exception == failure
                && r.Message.Contains("CreateThingCommand", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void Handle_WhenFailureIsAnExpectedOutcome_RethrowsWithoutErrorLog()
    {
        Exception[] expected =
        [
            new ValidationException("name", "Required."),
            new NotFoundException("Complaint", Guid.Empty),
            new DomainException("rule", "Refused."),
            new PreconditionFailedException(),
            new TooManyRequestsException(TimeSpan.FromMinutes(1), "Wait."),
        ];

        foreach (var failure in expected)
        {
            var (logger, thrown) = Run(failure);
            Assert.That(thrown, Is.SameAs(failure));
            Assert.That(logger.Collector.Count, Is.Zero, failure.GetType().Name);
        }
    }
}
