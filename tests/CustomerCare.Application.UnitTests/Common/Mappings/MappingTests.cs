using AutoMapper;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerCare.Application.UnitTests.Common.Mappings;

public class MappingTests
{
    private static readonly MapperConfiguration Configuration = new(
        cfg => cfg.AddMaps(typeof(CustomerCare.Application.DependencyInjection).Assembly), NullLoggerFactory.Instance);

    [Test]
    public void Configuration_IsValid()
    {
        Configuration.AssertConfigurationIsValid();
    }

    [Test]
    public void Complaint_MapsToItsDto_WithNestedParts()
    {
        var now = DateTimeOffset.UnixEpoch;
        var actor = Actor.Staff(Guid.CreateVersion7());
        var complaint = Complaint.Receive("CC-1970-000001",
            new NewComplaint(Channel.Email, Guid.CreateVersion7(), "Title", "Description", null, null, null, null, null, null, null), actor, now);
        complaint.Register("other", Severity.Major, true, null, RepeatInfo.None, actor, now);
        complaint.Investigate(new Investigation("Findings", "Cause", true, ["e1"], null), actor, now);

        var dto = Configuration.CreateMapper().Map<ComplaintDto>(complaint);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Number, Is.EqualTo("CC-1970-000001"));
            Assert.That(dto.Status, Is.EqualTo(ComplaintStatus.Investigated));
            Assert.That(dto.Investigation!.Evidence, Is.EqualTo(new[] { "e1" }));
            Assert.That(dto.FirstResponderId, Is.EqualTo(actor.Id));
        });
    }
}
