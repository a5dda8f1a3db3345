using System.Net;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Webhooks;

public sealed class OutboxTests : AdminIntegrationTest
{
    [Test]
    public async Task OutboxRows_ExistIfAndOnlyIfTheirChangeCommitted()
    {
        var customerId = (await new ComplaintApi(Admin).ReceiveAsync()).GetProperty("customerId").GetGuid();
        var before = await Dispatch.ScalarAsync("SELECT count(*) FROM outbox_messages");

        await using (var scope = Testing.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Complaints.Add(NewComplaint(customerId, "CC-TEST-000001"));
                await db.SaveChangesAsync();
                var inside = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM outbox_messages").SingleAsync();
                Assert.That(inside, Is.EqualTo(before + 1), "written by the same SaveChanges");
                await transaction.RollbackAsync();
            });
        }

        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM outbox_messages"), Is.EqualTo(before), "rolled back with the change");

        await using (var scope = Testing.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
            var complaint = NewComplaint(customerId, "CC-TEST-000002");
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync();
            var type = await Dispatch.ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE complaint_id = '{complaint.Id}' AND event_type = 'complaint.received'");
            Assert.That(type, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task ARefusedChange_WritesNoOutboxRow()
    {
        var api = new ComplaintApi(Admin);
        var id = (await api.ReceiveAsync()).GetProperty("id").GetGuid();
        var (_, etag) = await api.GetAsync(id);
        await api.DoAsync(id, "notes", new { text = "First." });
        var before = await Dispatch.ScalarAsync("SELECT count(*) FROM outbox_messages");

        var stale = await api.ActAsync(id, "notes", new { text = "Stale." }, etag);
        var illegal = await api.ActAsync(id, "resolve", new { outcome = "Nope", fedBackVia = "phone" });

        await HttpAssertions.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await HttpAssertions.AssertProblemAsync(illegal, HttpStatusCode.Conflict);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM outbox_messages"), Is.EqualTo(before));
    }

    private static Complaint NewComplaint(Guid customerId, string number) => Complaint.Receive(number,
        new NewComplaint(Channel.Phone, customerId, "Written in a test transaction", "Details.", null, null, DateTimeOffset.UtcNow, null, null, null, null),
        Actor.System, DateTimeOffset.UtcNow);
}
