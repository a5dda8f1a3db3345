using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.UnitTests.Customers;

public class KeyCustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static Customer Create(string? grade = "vip", DateOnly? birthday = null) => Customer.Create(
        new CustomerProfile("苏轼", ["k"], null, null, null, "zh-CN", CustomerConsent.None, Grade: grade, Birthday: birthday), [], Now);

    [Test]
    public void AKeyCustomersTargets_ReplaceOnlyWhatTheyName_AndTheDefaultsAreShorter()
    {
        var policy = new SlaPolicy(SlaPolicy.Default.Targets, keyCustomerTargets: new Dictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>>
        {
            [Severity.General] = new Dictionary<SlaMilestone, SlaTarget> { [SlaMilestone.FirstContact] = SlaTarget.Calendar("PT2H") },
        });

        Assert.Multiple(() =>
        {
            Assert.That(policy.Target(SlaMilestone.FirstContact, Severity.General, keyCustomer: true), Is.EqualTo(SlaTarget.Calendar("PT2H")));
            Assert.That(policy.Target(SlaMilestone.FirstContact, Severity.General, keyCustomer: false), Is.EqualTo(SlaTarget.Calendar("PT24H")));
            Assert.That(policy.Target(SlaMilestone.SolutionProposed, Severity.General, keyCustomer: true), Is.EqualTo(SlaTarget.Working("P3D")), "not named: as for everyone");
            Assert.That(policy.Target(SlaMilestone.FirstContact, Severity.Major, keyCustomer: true), Is.EqualTo(SlaTarget.Calendar("PT24H")));
            foreach (var severity in Enum.GetValues<Severity>())
            {
                foreach (var milestone in Enum.GetValues<SlaMilestone>())
                {
                    var key = SlaPolicy.Default.Target(milestone, severity, keyCustomer: true);
                    var everyone = SlaPolicy.Default.Target(milestone, severity, keyCustomer: false);
                    Assert.That(key.Basis, Is.EqualTo(everyone.Basis), $"{severity} {milestone}");
                    Assert.That(key.Duration.Days * 24 * 60 + key.Duration.Time.TotalMinutes, Is.LessThan(everyone.Duration.Days * 24 * 60 + everyone.Duration.Time.TotalMinutes),
                        $"{severity} {milestone} is shorter for a key customer");
                }
            }
        });
    }

    [Test]
    public void AFollowUpPlan_IsAKeyCustomers_AndEndsWithTheirErasure_AlongWithTheBirthday()
    {
        var customer = Create(birthday: new DateOnly(1990, 2, 28));
        Assert.That(customer.BirthMonthDay, Is.EqualTo(228));
        var refused = Assert.Throws<DomainException>(() => customer.PlanFollowUps(false, 3, new DateOnly(2027, 1, 1), null, Now));
        Assert.That(refused!.Code, Is.EqualTo("customer.notKey"));
        Assert.Throws<DomainException>(() => customer.PlanFollowUps(true, 25, new DateOnly(2027, 1, 1), null, Now));

        customer.PlanFollowUps(true, 3, new DateOnly(2027, 1, 1), null, Now);
        customer.DequeueDomainEvents();
        customer.Erase(Now);

        Assert.Multiple(() =>
        {
            Assert.That((customer.Birthday, customer.BirthMonthDay, customer.FollowUpEveryMonths), Is.EqualTo(((DateOnly?)null, (int?)null, (int?)null)));
            Assert.That(customer.DomainEvents.OfType<CustomerFollowUpPlanChanged>().Single().EveryMonths, Is.Null, "the plan's end is announced");
        });
    }

    [Test]
    public void APlannedContact_DoneOrCancelled_AnnouncesItself_AnOrdinaryOneDoesNot()
    {
        var planned = CareTask.PlannedContact(Guid.NewGuid(), null, new DateOnly(2027, 1, 1), 3, Now);
        var ordinary = CareTask.Create(new NewCareTask(CareTaskKind.KeyCustomerContact, Guid.NewGuid(), null, null, new DateOnly(2027, 1, 1), "Call", null), Now);
        planned.Complete(CareTaskResult.Reached, null, null, Now);
        ordinary.Complete(CareTaskResult.Reached, null, null, Now);

        Assert.Multiple(() =>
        {
            Assert.That(planned.DomainEvents.OfType<PlannedContactFinished>().Single().DueOn, Is.EqualTo(new DateOnly(2027, 1, 1)));
            Assert.That(ordinary.DomainEvents.OfType<PlannedContactFinished>(), Is.Empty);
        });
    }
}
