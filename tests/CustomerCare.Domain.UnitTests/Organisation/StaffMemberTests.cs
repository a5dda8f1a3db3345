using CustomerCare.Domain.Common;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Domain.UnitTests.Organisation;

public class StaffMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static StaffMember Agent() =>
        StaffMember.Create("  Li Wei ", "Li.Wei@Example.COM", Guid.CreateVersion7(), [Role.Agent, Role.Agent], "hash", Now);

    [Test]
    public void Create_NormalisesNameEmailAndRoles()
    {
        var staff = Agent();

        Assert.Multiple(() =>
        {
            Assert.That(staff.Name, Is.EqualTo("Li Wei"));
            Assert.That(staff.Email, Is.EqualTo("li.wei@example.com"));
            Assert.That(staff.Roles, Is.EqualTo(new[] { Role.Agent }));
            Assert.That(staff.IsActive, Is.True);
        });
    }

    [Test]
    public void Create_WithoutRoles_ThrowsDomainError()
    {
        Assert.That(() => StaffMember.Create("A", "a@b.c", Guid.CreateVersion7(), [], "hash", Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("roles.required"));
    }

    [Test]
    public void Update_WhenRolesChange_ChangesSecurityStamp_WhenOnlyNameChanges_KeepsIt()
    {
        var staff = Agent();
        var stamp = staff.SecurityStamp;

        staff.Update("Wei Li", staff.Email, staff.DepartmentId, staff.Roles, Now);
        Assert.That(staff.SecurityStamp, Is.EqualTo(stamp));

        staff.Update("Wei Li", staff.Email, staff.DepartmentId, [Role.Supervisor], Now);
        Assert.That(staff.SecurityStamp, Is.Not.EqualTo(stamp));
    }

    [Test]
    public void ChangePasswordAndDeactivate_EachEndSessions()
    {
        var staff = Agent();
        var first = staff.SecurityStamp;

        staff.ChangePassword("new-hash", Now.AddMinutes(1));
        var second = staff.SecurityStamp;
        staff.Deactivate(Now.AddMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(staff.SecurityStamp, Is.Not.EqualTo(second));
            Assert.That(staff.IsActive, Is.False);
            Assert.That(staff.PasswordChangedAt, Is.EqualTo(Now.AddMinutes(1)));
        });
    }

    [Test]
    public void Deactivate_WhenAlreadyInactive_ChangesNothing()
    {
        var staff = Agent();
        staff.Deactivate(Now);
        var stamp = staff.SecurityStamp;

        staff.Deactivate(Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(staff.SecurityStamp, Is.EqualTo(stamp));
            Assert.That(staff.UpdatedAt, Is.EqualTo(Now));
        });
    }
}
