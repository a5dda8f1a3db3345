using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Feedback;

namespace CustomerCare.Domain.UnitTests.CareTasks;

public sealed class CustomerFeedbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static CustomerFeedback Suggestion() =>
        CustomerFeedback.Receive(Guid.NewGuid(), FeedbackKind.Suggestion, Channel.WebForm, "Tracking", "SMS please", null, Now);

    [Test]
    public void Feedback_MovesForwardOnly_AndAnsweredIsFinal()
    {
        var feedback = Suggestion();
        feedback.Acknowledge(null, Now);
        feedback.Start(null, Now);
        Assert.That(() => feedback.Acknowledge(null, Now), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("feedback.invalidTransition"));
        feedback.Respond("Done", Channel.Sms, accepted: true, Guid.CreateVersion7(), 50, null, Now);
        Assert.Multiple(() =>
        {
            Assert.That(feedback.Status, Is.EqualTo(FeedbackStatus.Answered));
            Assert.That(feedback.AllowedMoves, Is.Empty);
            Assert.That(() => feedback.Start(null, Now), Throws.TypeOf<DomainException>());
        });
    }

    [Test]
    public void Respond_EnforcesTheRulesOfSuggestionsAndPoints()
    {
        var praise = CustomerFeedback.Receive(Guid.NewGuid(), FeedbackKind.Praise, Channel.Phone, "Thanks", "Great job", null, Now);
        Assert.Multiple(() =>
        {
            Assert.That(() => Suggestion().Respond("ok", Channel.Sms, null, null, 0, null, Now), Throws.TypeOf<DomainException>());
            Assert.That(() => Suggestion().Respond("ok", Channel.Sms, true, null, 0, null, Now), Throws.TypeOf<DomainException>());
            Assert.That(() => Suggestion().Respond("ok", Channel.Sms, false, Guid.CreateVersion7(), 0, null, Now), Throws.TypeOf<DomainException>());
            Assert.That(() => Suggestion().Respond("ok", Channel.Sms, false, null, -1, null, Now), Throws.TypeOf<DomainException>());
            Assert.That(() => praise.Respond("ok", Channel.Sms, true, Guid.CreateVersion7(), 0, null, Now), Throws.TypeOf<DomainException>());
        });
    }
}

public sealed class CareTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void FollowUp_IsDueTheConfiguredDaysAfterClosing_OwnedByTheFirstResponder()
    {
        var owner = Guid.NewGuid();
        var task = CareTask.FollowUp(Guid.NewGuid(), Guid.NewGuid(), "C-1", owner, new DateOnly(2026, 11, 23), 7, Now);
        Assert.Multiple(() =>
        {
            Assert.That(task.DueOn, Is.EqualTo(new DateOnly(2026, 11, 30)));
            Assert.That(task.OwnerId, Is.EqualTo(owner));
            Assert.That(task.Kind, Is.EqualTo(CareTaskKind.FollowUpCall));
            Assert.That(task.IsAutomatic, Is.True);
        });
    }

    [Test]
    public void Complete_Once_ThenNeitherCompleteNorCancelNorReschedule()
    {
        var task = CareTask.Create(new NewCareTask(CareTaskKind.Greeting, Guid.NewGuid(), null, null, new DateOnly(2026, 12, 31), "New year", null), Now);
        var staff = Guid.NewGuid();
        task.Complete(CareTaskResult.Reached, "Wished a happy new year", staff, Now);
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(CareTaskStatus.Done));
            Assert.That(task.OwnerId, Is.EqualTo(staff), "whoever did an unowned task owns it");
            Assert.That(() => task.Complete(CareTaskResult.Reached, null, staff, Now), Throws.TypeOf<DomainException>());
            Assert.That(() => task.Cancel("no", staff, Now), Throws.TypeOf<DomainException>());
            Assert.That(() => task.Reschedule(null, new DateOnly(2027, 1, 1), Now), Throws.TypeOf<DomainException>());
        });
    }
}
