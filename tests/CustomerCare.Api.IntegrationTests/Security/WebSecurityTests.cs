using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerCare.Api.IntegrationTests.Security;

/// <summary>Security headers on every response, the CORS allow-list, and HTTPS (redirection, HSTS) outside Development.</summary>
public sealed class WebSecurityTests : IntegrationTest
{
    private const string FrontEnd = "https://care.example.com";

    private static CustomerCareApiFactory Host(params (string Key, string Value)[] settings) =>
        new(Testing.Database.ConnectionString, migrateOnStartup: false, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    [TestCase("/api/v1/auth/me", HttpStatusCode.OK)]
    [TestCase("/api/v1/complaints/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/complaints?page=-1", HttpStatusCode.BadRequest)]
    [TestCase("/health/live", HttpStatusCode.OK)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url, HttpStatusCode status)
    {
        using var admin = await ApiClient.AsAdminAsync();
        var response = await admin.GetAsync(url);
        var anonymous = await Client.GetAsync("/api/v1/complaints");

        foreach (var r in new[] { response, anonymous })
        {
            Assert.Multiple(() =>
            {
                Assert.That(r.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
                Assert.That(r.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
                Assert.That(r.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
                Assert.That(r.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'").And.Contain("frame-ancestors 'none'"));
                Assert.That(r.Headers.CacheControl?.NoStore, Is.True, "personal data is not cached");
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task SwaggerUi_GetsAPolicyThatLetsItsOwnScriptsRun_AndNothingElse()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(policy, Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-eval"));
    }

    [Test]
    public async Task Cors_AllowsTheConfiguredFrontEnd_WithTheHeadersItNeeds()
    {
        await using var host = Host(($"{Api.Infrastructure.Security.WebSecurity.CorsOriginsKey}:0", FrontEnd));
        using var client = host.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/complaints/00000000-0000-0000-0000-000000000001/register");
        preflight.Headers.Add("Origin", FrontEnd);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key");

        var answer = await client.SendAsync(preflight);

        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(answer.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { FrontEnd }));
            Assert.That(answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), Does.Contain("POST"));
            Assert.That(answer.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant(),
                Does.Contain("authorization").And.Contain("if-match").And.Contain("idempotency-key"));
            Assert.That(answer.Headers.Contains("Access-Control-Allow-Credentials"), Is.False, "bearer tokens, no cookies");
        });

        using var get = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        get.Headers.Add("Origin", FrontEnd);
        var actual = await client.SendAsync(get);
        Assert.Multiple(() =>
        {
            Assert.That(actual.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { FrontEnd }));
            Assert.That(actual.Headers.GetValues("Access-Control-Expose-Headers").Single(), Does.Contain("ETag").And.Contain("Location").And.Contain("Retry-After"));
        });
    }

    [TestCase("https://evil.example.com")]
    [TestCase("http://care.example.com")]
    [TestCase("https://care.example.com.evil.example")]
    [TestCase("null")]
    public async Task Cors_TellsAnyOtherOriginNothing(string origin)
    {
        await using var host = Host(($"{Api.Infrastructure.Security.WebSecurity.CorsOriginsKey}:0", FrontEnd));
        using var client = host.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/complaints");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        get.Headers.Add("Origin", origin);

        var answers = new[] { await client.SendAsync(preflight), await client.SendAsync(get) };

        Assert.That(answers.Where(a => a.Headers.Contains("Access-Control-Allow-Origin")), Is.Empty);
    }

    [Test]
    public async Task Cors_WithoutConfiguredOrigins_AllowsNone()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        get.Headers.Add("Origin", FrontEnd);

        var answer = await Client.SendAsync(get);

        Assert.That(answer.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [TestCase("*")]
    [TestCase("https://*.example.com")]
    [TestCase("https://care.example.com/app")]
    [TestCase("care.example.com")]
    public void Cors_AWildcardOrNonOrigin_StopsStartUp(string origin)
    {
        using var host = Host(($"{Api.Infrastructure.Security.WebSecurity.CorsOriginsKey}:0", origin));

        var failure = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.That(failure!.Message, Does.Contain("CustomerCare:Cors:AllowedOrigins"));
    }

    [Test]
    public async Task OutsideDevelopment_PlainHttpIsRedirected_AndHttpsAnswersCarryHsts()
    {
        await using var host = Host(("https_port", "443"));
        using var http = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var https = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://api.care.example.com"),
        });

        var redirected = await http.GetAsync("/api/v1/complaints?status=received");
        var probe = await http.GetAsync("/health/live");
        var secure = await https.PostAsJsonAsync("/api/v1/auth/token", new { email = CustomerCareApiFactory.AdminEmail, password = CustomerCareApiFactory.AdminPassword });

        Assert.Multiple(() =>
        {
            Assert.That(redirected.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(redirected.Headers.Location, Is.EqualTo(new Uri("https://localhost/api/v1/complaints?status=received")));
            Assert.That(probe.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health probes stay on plain HTTP");
            Assert.That(secure.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(secure.Headers.GetValues("Strict-Transport-Security"), Is.EqualTo(new[] { "max-age=31536000; includeSubDomains" }));
        });
    }

    [Test]
    public async Task InDevelopment_NeitherRedirectNorHsts()
    {
        await using var host = Host(("https_port", "443"));
        await using var development = host.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        using var http = development.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var https = development.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://api.care.example.com"),
        });

        var plain = await http.GetAsync("/health/ready");
        var secure = await https.GetAsync("/health/ready");

        Assert.Multiple(() =>
        {
            Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(secure.Headers.Contains("Strict-Transport-Security"), Is.False);
        });
    }
}
