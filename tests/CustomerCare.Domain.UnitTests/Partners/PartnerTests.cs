using CustomerCare.Domain.Common;
using CustomerCare.Domain.Partners;

namespace CustomerCare.Domain.UnitTests.Partners;

public class PartnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Partner Partner() => Domain.Partners.Partner.Create("Acme", Now);

    [Test]
    public void RotateKey_KeepsTheOldKeyUsableForTheGracePeriodOnly()
    {
        var partner = Partner();
        var old = partner.IssueKey("main", "prefix000001", [1], null, Now);

        var fresh = partner.RotateKey(old.Id, "prefix000002", [2], TimeSpan.FromHours(24), Now);

        Assert.Multiple(() =>
        {
            Assert.That(fresh.IsUsableAt(Now), Is.True);
            Assert.That(fresh.Name, Is.EqualTo("main"));
            Assert.That(old.IsUsableAt(Now.AddHours(23)), Is.True);
            Assert.That(old.IsUsableAt(Now.AddHours(24)), Is.False);
        });
    }

    [Test]
    public void RotateKey_OfARevokedKey_ThrowsDomainError()
    {
        var partner = Partner();
        var key = partner.IssueKey("main", "prefix000001", [1], null, Now);
        partner.RevokeKey(key.Id, Now);

        Assert.That(() => partner.RotateKey(key.Id, "prefix000002", [2], TimeSpan.Zero, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("apiKey.notUsable"));
    }

    [Test]
    public void IssueKey_BeyondTheLimitOfUsableKeys_ThrowsDomainError()
    {
        var partner = Partner();
        for (var i = 0; i < Domain.Partners.Partner.MaxActiveKeys; i++)
        {
            partner.IssueKey("k", $"prefix00000{i}", [1], null, Now);
        }

        Assert.That(() => partner.IssueKey("k", "prefix999999", [1], null, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("apiKey.tooMany"));
    }

    [Test]
    public void IssueKey_ForAnInactivePartner_ThrowsDomainError()
    {
        var partner = Partner();
        partner.Deactivate(Now);

        Assert.That(() => partner.IssueKey("k", "prefix000001", [1], null, Now), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void RevokeKey_Twice_KeepsTheFirstRevocationTime()
    {
        var partner = Partner();
        var key = partner.IssueKey("k", "prefix000001", [1], null, Now);

        partner.RevokeKey(key.Id, Now);
        partner.RevokeKey(key.Id, Now.AddDays(1));

        Assert.That(key.RevokedAt, Is.EqualTo(Now));
    }
}
