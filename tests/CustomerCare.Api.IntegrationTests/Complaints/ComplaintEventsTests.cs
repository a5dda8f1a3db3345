using System.Net;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>Domain events reach their handlers once each, inside the save of their change; a refused change raises none.</summary>
public class ComplaintEventsTests : IntegrationTest
{
    [Test]
    public async Task Events_AreHandledOnceEach_AndARefusedChangeRaisesNone()
    {
        var logs = new FakeLogCollector();
        await using var factory = Testing.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs)))));
        var adminToken = await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
        var api = new ComplaintApi(client);

        var id = (await api.ReceiveAsync()).GetProperty("id").GetGuid();
        var (_, staleETag) = await api.GetAsync(id);
        await api.DoAsync(id, "notes", new { text = "committed" });
        var refused = await api.ActAsync(id, "register", new { category = "other", severity = "general" }, staleETag);
        await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var dispatched = logs.GetSnapshot()
            .Where(r => r.Category?.EndsWith("LogComplaintEvents", StringComparison.Ordinal) == true && r.Message.Contains(id.ToString(), StringComparison.Ordinal))
            .Select(r => r.Message)
            .ToList();
        Assert.That(dispatched, Has.Count.EqualTo(2), string.Join("\n", dispatched));
        Assert.Multiple(() =>
        {
            Assert.That(dispatched[0], Does.Contain("Received"));
            Assert.That(dispatched[1], Does.Contain("NoteAdded"));
        });
    }
}
