using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Api.IntegrationTests.Auth;

/// <summary>
/// With CustomerCare:Auth:Authority set, the API accepts tokens of that OpenID Connect provider instead of its
/// own. A small provider runs here on the loopback address: discovery document and signing keys, nothing more.
/// </summary>
[NonParallelizable]
public class ExternalProviderTests : IntegrationTest
{
    private const string Audience = "customercare-external";
    private readonly RSA _rsa = RSA.Create(2048);
    private WebApplication _provider = null!;
    private string _authority = null!;
    private CustomerCareApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task StartProviderAsync()
    {
        _provider = LoopbackApp.Create();
        var parameters = _rsa.ExportParameters(false);
        _provider.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new
        {
            issuer = _authority,
            jwks_uri = $"{_authority}/keys",
            authorization_endpoint = $"{_authority}/authorize",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        _provider.MapGet("/keys", () => Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        }));
        _authority = await _provider.StartOnLoopbackAsync();

        _api = new CustomerCareApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["CustomerCare:Auth:Authority"] = _authority,
            ["CustomerCare:Auth:Audience"] = Audience,
            ["CustomerCare:Auth:RequireHttpsMetadata"] = "false",
        });
    }

    [OneTimeTearDown]
    public async Task StopProviderAsync()
    {
        await _api.DisposeAsync();
        await _provider.DisposeAsync();
        _rsa.Dispose();
    }

    private string Token(string email, string? issuer = null, RSA? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "external-user-1"), new Claim("email", email)]),
        Issuer = issuer ?? _authority,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _rsa) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
    });

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/auth/me");
    }

    [Test]
    public async Task ProviderToken_ForAKnownStaffEmail_ActsAsThatStaffMemberWithOurRoles()
    {
        var (id, email) = await ApiClient.CreateStaffAsync("supervisor");

        var me = await (await MeAsync(Token(email.ToUpperInvariant()))).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "supervisor" }));
        });
    }

    [Test]
    public async Task ProviderToken_ForAnUnknownEmail_Is401()
    {
        await (await MeAsync(Token("stranger@elsewhere.example"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task TokenSignedByAnotherKeyOrIssuer_Is401()
    {
        var (_, email) = await ApiClient.CreateStaffAsync("agent");
        using var otherKey = RSA.Create(2048);

        await (await MeAsync(Token(email, key: otherKey))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await MeAsync(Token(email, issuer: "http://127.0.0.1:1"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task BuiltInSignIn_IsNotAvailable()
    {
        using var client = _api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CustomerCareApiFactory.AdminEmail, password = CustomerCareApiFactory.AdminPassword });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
