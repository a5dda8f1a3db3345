using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Health;

public class HealthEndpointsTests : IntegrationTest
{
    [Test]
    public async Task Live_WhenProcessRuns_AnswersHealthy()
    {
        var response = await Client.GetAsync("/health/live");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(body.GetProperty("checks").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Ready_WhenDatabaseAnswersAndIsMigrated_AnswersHealthyWithDatabaseCheck()
    {
        var response = await Client.GetAsync("/health/ready");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var check = body.GetProperty("checks").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(check.GetProperty("name").GetString(), Is.EqualTo("database"));
            Assert.That(check.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task Ready_WhenDatabaseIsUnreachable_Answers503WhileLiveStaysHealthy()
    {
        // Nothing listens on port 1 of the loopback address: every connection is refused at once.
        await using var factory = new CustomerCareApiFactory(
            "Host=127.0.0.1;Port=1;Database=customercare_test;Username=nobody;Password=none;Timeout=2",
            migrateOnStartup: false);
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        var body = await ready.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body, Does.Contain("\"status\":\"Unhealthy\""));
            Assert.That(body, Does.Not.Contain("Npgsql"), "exception details must not leak");
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
