using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.UnitTests.Common;

public class DomainExceptionTests
{
    [Test]
    public void Constructor_WhenCodeIsBlank_Throws()
    {
        Assert.That(() => new DomainException(" ", "message"), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_WhenGivenCodeAndMessage_KeepsBoth()
    {
        var ex = new DomainException("complaint.invalidTransition", "Not allowed.");

        Assert.Multiple(() =>
        {
            Assert.That(ex.Code, Is.EqualTo("complaint.invalidTransition"));
            Assert.That(ex.Message, Is.EqualTo("Not allowed."));
        });
    }
}
