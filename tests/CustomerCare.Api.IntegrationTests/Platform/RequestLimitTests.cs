using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>Limits on a host of their own, configured tight the way an operator would.</summary>
public sealed class RequestLimitTests : IntegrationTest
{
    [Test]
    public async Task RateLimit_PerPartnerKey_Answers429WithRetryAfter_OtherCallersUnaffected()
    {
        var (_, _, keyA) = await ApiClient.CreatePartnerKeyAsync("Shop A");
        var (_, _, keyB) = await ApiClient.CreatePartnerKeyAsync("Shop B");
        await using var host = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false, new Dictionary<string, string?>
        {
            ["CustomerCare:Limits:Partner:PermitLimit"] = "3",
            ["CustomerCare:Limits:Partner:Window"] = "00:01:00",
        });
        using var partnerA = host.CreateClient();
        partnerA.DefaultRequestHeaders.Add("X-Api-Key", keyA);
        using var partnerB = host.CreateClient();
        partnerB.DefaultRequestHeaders.Add("X-Api-Key", keyB);

        // Every limited response says where the caller stands; an error answered by the exception handler too.
        var first = await partnerA.GetAsync("/api/v1/complaints");
        await first.AssertStatusAsync(HttpStatusCode.OK);
        var notFound = await partnerA.GetAsync($"/api/v1/complaints/{Guid.NewGuid()}");
        await notFound.AssertStatusAsync(HttpStatusCode.NotFound);
        var invalid = await partnerA.GetAsync("/api/v1/complaints?pageSize=100000");
        await invalid.AssertStatusAsync(HttpStatusCode.BadRequest);
        var limited = await partnerA.GetAsync("/api/v1/complaints");
        var problem = await HttpAssertions.AssertProblemAsync(limited, (HttpStatusCode)429);
        Assert.Multiple(async () =>
        {
            Assert.That(Header(first, "RateLimit-Limit"), Is.EqualTo("3"));
            Assert.That(Header(first, "RateLimit-Policy"), Is.EqualTo("3;w=60"));
            Assert.That(new[] { first, notFound, invalid, limited }.Select(r => Header(r, "RateLimit-Remaining")), Is.EqualTo(new[] { "2", "1", "0", "0" }));
            Assert.That(int.Parse(Header(first, "RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
            Assert.That(int.Parse(Header(limited, "RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
            Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.EqualTo(double.Parse(Header(limited, "RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Header(await host.CreateClient().GetAsync("/health/live"), "RateLimit-Limit"), Is.Null, "probes are not limited");
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("retry after"));
            await (await partnerB.GetAsync("/api/v1/complaints")).AssertStatusAsync(HttpStatusCode.OK);
            await (await host.CreateClient().GetAsync("/health/live")).AssertStatusAsync(HttpStatusCode.OK);
        });
    }

    [Test]
    public async Task BodyLimit_IsConfigurable_AndTooLargeABodyGets413()
    {
        await using var host = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false, new Dictionary<string, string?>
        {
            ["CustomerCare:Limits:MaxRequestBodyBytes"] = "2048",
        });
        using var admin = host.CreateClient();
        var token = (await (await admin.PostAsJsonAsync("/api/v1/auth/token",
            new { email = CustomerCareApiFactory.AdminEmail, password = CustomerCareApiFactory.AdminPassword })).ReadJsonAsync()).GetProperty("accessToken").GetString();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var json = System.Text.Json.JsonSerializer.Serialize(
            new { channel = "phone", customer = new { name = "Zhang Wei", phone = "138 0013 8000" }, title = "Big", description = new string('x', 4000) });
        var big = await admin.PostAsync("/api/v1/complaints", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await HttpAssertions.AssertProblemAsync(big, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM complaints"), Is.Zero);

        var small = await admin.PostAsJsonAsync("/api/v1/complaints", ComplaintApi.NewComplaint());
        await small.AssertStatusAsync(HttpStatusCode.Created);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
