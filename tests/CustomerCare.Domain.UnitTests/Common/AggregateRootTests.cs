using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.UnitTests.Common;

public class AggregateRootTests
{
    private sealed record Happened(DateTimeOffset OccurredAt) : IDomainEvent;

    private sealed class Sample(Guid id) : AggregateRoot(id)
    {
        public void DoSomething(DateTimeOffset at) => Raise(new Happened(at));
    }

    [Test]
    public void Constructor_WhenIdIsEmpty_Throws()
    {
        Assert.That(() => new Sample(Guid.Empty), Throws.ArgumentException.With.Property("ParamName").EqualTo("id"));
    }

    [Test]
    public void Raise_WhenBehaviourRuns_KeepsEventsInOrderUntilDequeued()
    {
        var aggregate = new Sample(Guid.CreateVersion7());
        var first = DateTimeOffset.UnixEpoch;
        var second = first.AddMinutes(1);

        aggregate.DoSomething(first);
        aggregate.DoSomething(second);

        Assert.That(aggregate.DomainEvents.Cast<Happened>().Select(e => e.OccurredAt), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public void DequeueDomainEvents_WhenCalled_ReturnsPendingEventsAndClearsThem()
    {
        var aggregate = new Sample(Guid.CreateVersion7());
        aggregate.DoSomething(DateTimeOffset.UnixEpoch);

        var dequeued = aggregate.DequeueDomainEvents();

        Assert.Multiple(() =>
        {
            Assert.That(dequeued, Has.Count.EqualTo(1));
            Assert.That(aggregate.DomainEvents, Is.Empty);
            Assert.That(aggregate.DequeueDomainEvents(), Is.Empty);
        });
    }
}
