using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Mappings;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Application.Partners.Queries.ListPartnerKeys;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Partners;
using CustomerCare.Domain.Sla;
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
        complaint.Investigate(new Investigation("Findings", "network", "Cause", true, ["e1"], null), actor, now);

        var dto = ComplaintDto.For(Configuration.CreateMapper(), complaint, Caller(CallerKind.Staff), now);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Number, Is.EqualTo("CC-1970-000001"));
            Assert.That(dto.Status, Is.EqualTo(ComplaintStatus.Investigated));
            Assert.That(dto.Investigation!.Evidence, Is.EqualTo(new[] { "e1" }));
            Assert.That(dto.FirstResponderId, Is.EqualTo(actor.Id));
        });
    }

    [Test]
    public void Complaint_ForStaff_HasItsActionsAndClockStates_ForAPartner_OnlyThePublicPart()
    {
        var now = DateTimeOffset.UnixEpoch;
        var actor = Actor.Staff(Guid.CreateVersion7());
        var complaint = Complaint.Receive("CC-1970-000002",
            new NewComplaint(Channel.Email, Guid.CreateVersion7(), "Title", "Description", null, null, null, null, null, null, null), actor, now);
        complaint.TrackSla(new SlaSchedule(BusinessCalendar.AroundTheClock(), SlaPolicy.Default), now);
        var mapper = Configuration.CreateMapper();

        var staff = ComplaintDto.For(mapper, complaint, Caller(CallerKind.Staff), now);
        var partner = ComplaintDto.For(mapper, complaint, Caller(CallerKind.Partner), now.AddDays(30));

        Assert.Multiple(() =>
        {
            Assert.That(staff.AllowedActions, Is.EqualTo(complaint.AllowedActions));
            Assert.That(staff.Sla, Is.Not.Empty);
            Assert.That(staff.Sla.Select(c => c.State), Has.None.EqualTo(SlaState.Breached), "states at the moment given");
            Assert.That(partner.Sla.Select(c => c.State), Has.Some.EqualTo(SlaState.Breached), "a month later the clocks have run out");
            Assert.That(partner.AllowedActions, Is.Empty);
            Assert.That(partner.CustomerId, Is.Null);
        });
    }

    [Test]
    public void Complaint_MappedWithoutAMoment_IsRefused_ClockStatesNeedOne()
    {
        var actor = Actor.Staff(Guid.CreateVersion7());
        var complaint = Complaint.Receive("CC-1970-000003",
            new NewComplaint(Channel.Email, Guid.CreateVersion7(), "Title", "Description", null, null, null, null, null, null, null), actor, DateTimeOffset.UnixEpoch);
        complaint.TrackSla(new SlaSchedule(BusinessCalendar.AroundTheClock(), SlaPolicy.Default), DateTimeOffset.UnixEpoch);

        Assert.That(() => Configuration.CreateMapper().Map<ComplaintDto>(complaint),
            Throws.TypeOf<AutoMapperMappingException>().With.InnerException.TypeOf<InvalidOperationException>()
                .And.InnerException.Message.Contains(nameof(ComplaintDto.For)));
    }

    [Test]
    public void ApiKey_StatusDependsOnTheMomentGiven()
    {
        var now = DateTimeOffset.UnixEpoch;
        var partner = Partner.Create("Acme", now);
        var key = partner.IssueKey("production", "cc_abcd", [1, 2, 3], now.AddDays(1), now);
        var mapper = Configuration.CreateMapper();

        Assert.Multiple(() =>
        {
            Assert.That(mapper.Map<PartnerApiKeyDto>(key, (MappingContext.Now, now)).Status, Is.EqualTo(ApiKeyStatus.Active));
            Assert.That(mapper.Map<PartnerApiKeyDto>(key, (MappingContext.Now, now.AddDays(2))).Status, Is.EqualTo(ApiKeyStatus.Expired));
        });
    }

    private static ICurrentUser Caller(CallerKind kind) => new FixedCaller(kind, Guid.CreateVersion7());

    private sealed record FixedCaller(CallerKind Kind, Guid? Id) : ICurrentUser
    {
        public Guid? DepartmentId => null;

        public IReadOnlyCollection<Role> Roles => Kind == CallerKind.Staff ? [Role.Admin] : [];

        public bool IsInRole(Role role) => Roles.Contains(role);
    }
}
