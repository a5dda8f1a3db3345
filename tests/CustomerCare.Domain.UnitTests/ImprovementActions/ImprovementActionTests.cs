using CustomerCare.Domain.Common;
using CustomerCare.Domain.ImprovementActions;

namespace CustomerCare.Domain.UnitTests.ImprovementActions;

public class ImprovementActionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);

    private static ImprovementAction Planned(string? category = "technicalFault") =>
        ImprovementAction.Plan(new ImprovementPlan("Firmware 2.3", null, Guid.CreateVersion7(), null, new DateOnly(2026, 12, 31), category, null), null, Now);

    private static EffectReview Review(bool effective) => new(Now, Now, Now, 1000, 10, 4, 10, 4, -0.6, 0.2, effective, null, null, Now);

    [TestCase(10, 4, 2000, 0.2, 5.0, 2.0, -0.6, true)]
    [TestCase(10, 8, 2000, 0.2, 5.0, 4.0, -0.2, true)] // exactly the required fifth
    [TestCase(10, 9, 2000, 0.2, 5.0, 4.5, -0.1, false)]
    [TestCase(3, 6, 1000, 0.2, 3.0, 6.0, 1.0, false)]
    [TestCase(0, 0, 1000, 0.2, 0.0, 0.0, null, true)] // nothing before, nothing after: it stayed at zero
    [TestCase(0, 1, 1000, 0.2, 0.0, 1.0, null, false)]
    public void TheReviewsArithmetic_IsRatesPerThousandOfTheBasis_AndAFallOfAtLeastTheRequiredShare(
        int before, int after, long basis, double required, double beforeRate, double afterRate, double? change, bool effective) =>
        Assert.That(ImprovementAction.Compare(before, after, basis, required), Is.EqualTo((beforeRate, afterRate, change, effective)));

    [Test]
    public void AnAction_MovesPlannedInProgressDone_ThenIsReviewedOnceItsPeriodHasPassed_AndIsFinal()
    {
        var action = Planned();
        var overdueBefore = action.IsOverdue(new DateOnly(2027, 1, 1));
        action.Start(Now);
        action.Complete(" shipped ", TimeSpan.FromDays(90), Now.AddDays(1));
        var (beforeFrom, afterFrom, afterTo) = action.ReviewWindows();

        Assert.Multiple(() =>
        {
            Assert.That(overdueBefore, Is.True, "open past its due day");
            Assert.That(action.IsOverdue(new DateOnly(2027, 1, 1)), Is.False, "done is never overdue");
            Assert.That(action.DoneNote, Is.EqualTo("shipped"));
            Assert.That((beforeFrom, afterFrom, afterTo), Is.EqualTo((Now.AddDays(-89), Now.AddDays(1), Now.AddDays(91))), "90 days either side of when it was done");
            Assert.That(() => action.RecordReview(Review(true), Now.AddDays(90)),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("improvementAction.reviewNotDue"));
            Assert.That(() => action.Replan(new ImprovementPlan("x", null, null, null, new DateOnly(2027, 1, 1), null, null), Now),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("improvementAction.notOpen"));
        });

        action.RecordReview(Review(false), Now.AddDays(91));
        Assert.Multiple(() =>
        {
            Assert.That(action.Status, Is.EqualTo(ImprovementActionStatus.NotEffective));
            Assert.That(action.AllowedMoves, Is.Empty);
            Assert.That(() => action.RecordReview(Review(true), Now.AddDays(92)), Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("improvementAction.invalidMove"));
        });
    }

    [Test]
    public void WithoutACategoryOrCause_ThereIsNothingToMeasure_AndAnOpenActionIsNotReviewed()
    {
        var unmeasured = Planned(category: null);
        unmeasured.Complete(null, TimeSpan.FromDays(1), Now);
        var open = Planned();

        Assert.Multiple(() =>
        {
            Assert.That(() => unmeasured.RecordReview(Review(true), Now.AddDays(2)),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("improvementAction.nothingToMeasure"));
            Assert.That(open.ReviewWindows, Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("improvementAction.notDone"));
            Assert.That(open.Link(new ImprovementLink(ImprovementLinkKind.Incident, Guid.Empty), Now), Is.True);
            Assert.That(open.Link(new ImprovementLink(ImprovementLinkKind.Incident, Guid.Empty), Now), Is.False, "traced once");
        });
    }
}
