using CustomerCare.Domain.Common;
using CustomerCare.Domain.Customers;

namespace CustomerCare.Domain.UnitTests.Customers;

public class CustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static CustomerProfile Profile(string name = "Zhang Wei") =>
        new(name, [$"key:{name}"], "Acme", "VIP", Channel.Phone, "zh-CN", new CustomerConsent(true, false, false));

    private static NewContactPoint Phone(string value, bool primary = false) => new(ContactKind.Phone, value, null, $"k:{value}", primary);

    [Test]
    public void Create_KeepsOnePrimaryPerKind_TheMarkedOneOrElseTheFirst()
    {
        var customer = Customer.Create(Profile(), [Phone("+861"), Phone("+862", primary: true), new(ContactKind.Email, "a@b.c", null, "k:a", false)], Now);

        Assert.Multiple(() =>
        {
            Assert.That(customer.ContactPoints.Single(c => c.Kind == ContactKind.Phone && c.IsPrimary).Value, Is.EqualTo("+862"));
            Assert.That(customer.ContactPoints.Single(c => c.Kind == ContactKind.Email).IsPrimary, Is.True);
            Assert.That(customer.Segment, Is.EqualTo("vip"));
        });
    }

    [Test]
    public void Create_WithTheSameContactTwice_KeepsItOnce()
    {
        var customer = Customer.Create(Profile(), [Phone("+861"), Phone("+861")], Now);

        Assert.That(customer.ContactPoints, Has.Count.EqualTo(1));
    }

    [Test]
    public void Absorb_TakesNewContactsPointsTheDuplicateHereAndClearsIt()
    {
        var survivor = Customer.Create(Profile(), [Phone("+861", primary: true)], Now);
        var duplicate = Customer.Create(Profile("Zhang W"), [Phone("+861", primary: true), Phone("+862")], Now);

        survivor.Absorb(duplicate, Now.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(survivor.ContactPoints.Select(c => c.Value), Is.EquivalentTo(new[] { "+861", "+862" }));
            Assert.That(survivor.ContactPoints.Count(c => c.IsPrimary), Is.EqualTo(1));
            Assert.That(duplicate.MergedIntoId, Is.EqualTo(survivor.Id));
            Assert.That(duplicate.ContactPoints, Is.Empty);
            Assert.That(duplicate.Name, Is.EqualTo(Customer.ErasedName));
            Assert.That(() => duplicate.Update(Profile(), [], Now), Throws.TypeOf<DomainException>());
            Assert.That(() => survivor.Absorb(survivor, Now), Throws.TypeOf<DomainException>());
        });
    }

    [Test]
    public void Erase_RemovesPersonalDataKeepsTheRecordAndCannotBeUndone()
    {
        var customer = Customer.Create(Profile(), [Phone("+861")], Now);

        customer.Erase(Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(customer.Name, Is.EqualTo(Customer.ErasedName));
            Assert.That(customer.NameKeys, Is.Empty);
            Assert.That(customer.ContactPoints, Is.Empty);
            Assert.That(customer.PreferredLanguage, Is.Null);
            Assert.That(customer.Consent, Is.EqualTo(CustomerConsent.None));
            Assert.That(customer.Company, Is.EqualTo("Acme"), "not personal data: kept for statistics");
            Assert.That(customer.ErasedAt, Is.EqualTo(Now.AddDays(1)));
            Assert.That(() => customer.Update(Profile(), [], Now), Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("customer.erased"));
        });
    }
}
