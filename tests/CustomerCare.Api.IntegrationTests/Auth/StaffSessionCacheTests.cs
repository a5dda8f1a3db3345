using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerCare.Api.IntegrationTests.Auth;

/// <summary>
/// Each replica checks a staff session in the database once and then answers from memory; a deactivation made through
/// another replica reaches it by PostgreSQL NOTIFY (a trigger on <c>staff</c>) and ends the session there too.
/// </summary>
[NonParallelizable]
public class StaffSessionCacheTests : AdminIntegrationTest
{
    private static async Task ListeningAsync(StaffSessions sessions)
    {
        var deadline = Stopwatch.StartNew();
        while (!sessions.IsListening)
        {
            Assert.That(deadline.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the replica did not start listening for ended sessions");
            await Task.Delay(20);
        }
    }

    [Test]
    public async Task ASessionIsCheckedOnceOnAReplica_AndADeactivationThroughAnotherEndsItThere()
    {
        await using var otherReplica = Testing.Factory.WithWebHostBuilder(_ => { }); // a host of its own: its own memory
        var sessions = otherReplica.Services.GetRequiredService<StaffSessions>();
        await ListeningAsync(sessions);
        var (id, email) = await ApiClient.CreateStaffAsync("agent");
        using var agent = otherReplica.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiClient.SignInAsync(email, ApiClient.StaffPassword));

        await (await agent.GetAsync("/api/v1/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
        var hits = sessions.Hits;
        await (await agent.GetAsync("/api/v1/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
        var hitsAfterSecond = sessions.Hits;

        await (await Admin.PostAsync($"/api/v1/staff/{id}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);
        var ended = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await agent.GetAsync("/api/v1/auth/me")).StatusCode) == HttpStatusCode.OK && ended.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        Assert.Multiple(() =>
        {
            Assert.That(hitsAfterSecond, Is.EqualTo(hits + 1), "the second request was answered from memory");
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), "the deactivation made through the other replica ended the session here");
            TestContext.Out.WriteLine($"the session ended on the other replica {ended.ElapsedMilliseconds} ms after the deactivation answered");
        });
    }

    [Test]
    public async Task AChangeMadeThroughThisReplica_EndsTheCachedSessionHereAtOnce_WithoutWaitingForTheNotification()
    {
        // A replica that hears no notification at all (its listener removed) but caches as if it did: what it forgets,
        // it forgets because its own save ended the session, as a client using its old token right after the change expects.
        await using var replica = Testing.Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            foreach (var listener in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StaffSessionListener)).ToList())
            {
                services.Remove(listener);
            }
        }));
        var sessions = replica.Services.GetRequiredService<StaffSessions>();
        sessions.SetListening(true);
        var (id, email) = await ApiClient.CreateStaffAsync("agent");
        var token = await ApiClient.SignInAsync(email, ApiClient.StaffPassword);
        using var agent = replica.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await agent.GetAsync("/api/v1/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
        var hits = sessions.Hits;
        await (await agent.GetAsync("/api/v1/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(sessions.Hits, Is.EqualTo(hits + 1), "the session is cached on this replica");

        await (await agent.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiClient.StaffPassword, newPassword = "Another-Passw0rd-2" }))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await (await agent.GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        using var admin = replica.CreateClient();
        admin.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        var newToken = await ApiClient.SignInAsync(email, "Another-Passw0rd-2");
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", newToken);
        await (await agent.GetAsync("/api/v1/auth/me")).AssertStatusAsync(HttpStatusCode.OK);
        await (await agent.GetAsync("/api/v1/auth/me")).AssertStatusAsync(HttpStatusCode.OK); // cached again
        await (await admin.PostAsync($"/api/v1/staff/{id}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);
        await (await agent.GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
