using CustomerCare.Domain.Common;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Domain.UnitTests.Organisation;

public class DepartmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_UpperCasesTheCode()
    {
        Assert.That(Department.Create("Quality", " qa ", null, Now).Code, Is.EqualTo("QA"));
    }

    [Test]
    public void Update_WithItselfAsParent_ThrowsDomainError()
    {
        var department = Department.Create("Quality", "QA", null, Now);

        Assert.That(() => department.Update("Quality", "QA", department.Id, null, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("department.parentCycle"));
    }

    [Test]
    public void Create_WithTooLongName_ThrowsDomainError()
    {
        Assert.That(() => Department.Create(new string('x', Department.NameMaxLength + 1), "QA", null, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("name.tooLong"));
    }
}
