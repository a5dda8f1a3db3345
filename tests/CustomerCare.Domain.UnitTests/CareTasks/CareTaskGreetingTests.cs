using CustomerCare.Domain.CareTasks;

namespace CustomerCare.Domain.UnitTests.CareTasks;

public sealed class CareTaskGreetingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 12, 24);

    private static CareTask Task(CareTaskKind kind) =>
        CareTask.Create(new NewCareTask(kind, Guid.NewGuid(), null, null, Day, "圣诞快乐！", null), Now);

    [Test]
    public void AGreeting_TellsOfItsDay_WhenCreated_Moved_AndCancelled_ButNotWhenNothingMoves()
    {
        var greeting = Task(CareTaskKind.Greeting);
        greeting.Reschedule(Guid.NewGuid(), Day, Now); // a new owner, the same day
        greeting.Reschedule(greeting.OwnerId, Day.AddDays(1), Now);
        greeting.Cancel("客户不需要", null, Now);

        var changes = greeting.DomainEvents.OfType<CareTaskGreetingChanged>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => (c.Status, c.DueOn)), Is.EqualTo(new[]
            {
                (CareTaskStatus.Open, Day), (CareTaskStatus.Open, Day.AddDays(1)), (CareTaskStatus.Cancelled, Day.AddDays(1)),
            }));
            Assert.That(changes.Select(c => c.CustomerId), Is.All.EqualTo(greeting.CustomerId));
        });
    }

    [TestCase(CareTaskKind.FollowUpCall)]
    [TestCase(CareTaskKind.KeyCustomerContact)]
    [TestCase(CareTaskKind.Other)]
    public void OtherCareTasks_SendNoGreeting(CareTaskKind kind)
    {
        var task = Task(kind);
        task.Reschedule(null, Day.AddDays(2), Now);
        task.Cancel("不需要", null, Now);
        Assert.That(task.DomainEvents.OfType<CareTaskGreetingChanged>(), Is.Empty);
    }
}
