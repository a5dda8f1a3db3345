using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Api.IntegrationTests.Auth;

/// <summary>Tokens that must not be accepted: expired, tampered, unsigned, foreign, or of a session that ended.</summary>
public class TokenValidationTests : IntegrationTest
{
    private (Guid Id, string Email) _staff;

    [SetUp]
    public async Task CreateStaffAsync() => _staff = await ApiClient.CreateStaffAsync("agent");

    private async Task<string> ForgeAsync(
        DateTime? expires = null, string issuer = CustomerCareApiFactory.Issuer, string audience = CustomerCareApiFactory.Audience,
        byte[]? key = null)
    {
        // The real token's claims (including its security stamp), re-signed as the test says.
        var real = new JsonWebToken(await ApiClient.SignInAsync(_staff.Email, ApiClient.StaffPassword));
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(real.Claims.Where(c => c.Type is not ("exp" or "nbf" or "iat" or "iss" or "aud"))),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-15),
            NotBefore = expiry.AddMinutes(-15),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(key ?? CustomerCareApiFactory.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    private static async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var client = ApiClient.WithBearer(token);
        return await client.GetAsync("/api/v1/auth/me");
    }

    [Test]
    public async Task Forged_WithTheRealKeyAndClaims_IsAccepted()
    {
        // Guards the tests below: a well-formed token made this way is accepted, so each rejection is for its one flaw.
        var response = await MeAsync(await ForgeAsync());

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Expired_IsRejected()
    {
        var response = await MeAsync(await ForgeAsync(expires: DateTime.UtcNow.AddMinutes(-5)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("not accepted"));
    }

    [Test]
    public async Task WrongIssuerOrAudience_IsRejected()
    {
        await (await MeAsync(await ForgeAsync(issuer: "someone-else"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await MeAsync(await ForgeAsync(audience: "another-api"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task SignedWithAnotherKey_IsRejected()
    {
        var response = await MeAsync(await ForgeAsync(key: Enumerable.Repeat((byte)1, 48).ToArray()));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Tampered_IsRejected()
    {
        var token = await ApiClient.SignInAsync(_staff.Email, ApiClient.StaffPassword);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"agent\"", "\"admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var response = await MeAsync(tampered);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AlgNone_IsRejected()
    {
        var real = new JwtSecurityToken(await ApiClient.SignInAsync(_staff.Email, ApiClient.StaffPassword));
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var unsigned = $"{header}.{real.RawPayload}.";

        var response = await MeAsync(unsigned);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task OfADeactivatedStaffMember_IsRejectedAtOnce()
    {
        var token = await ApiClient.SignInAsync(_staff.Email, ApiClient.StaffPassword);
        using var admin = await ApiClient.AsAdminAsync();
        await (await admin.PostAsync($"/api/v1/staff/{_staff.Id}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);

        await (await MeAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var signIn = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = _staff.Email, password = ApiClient.StaffPassword });
        await signIn.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AcceptedBefore_IsRejectedOnceItExpires()
    {
        // The API remembers the tokens it validated (RememberingTokenHandler), never past the expiry plus the 30 s of
        // clock skew the validation allows. This one expired 27 s ago: accepted now, remembered for 3 s at most.
        var expires = DateTime.UtcNow.AddSeconds(-27);
        var token = await ForgeAsync(expires: expires);
        var first = await MeAsync(token);
        Assume.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), "accepted within the clock skew (unless this machine took 3 s to answer)");

        var refusedFrom = expires.AddSeconds(30.5);
        if (refusedFrom > DateTime.UtcNow)
        {
            await Task.Delay(refusedFrom - DateTime.UtcNow);
        }

        var problem = await (await MeAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("not accepted"));
    }

    [Test]
    public async Task AcceptedBefore_IsRejectedAtOnceWhenItsStaffMemberIsDeactivated()
    {
        var token = await ApiClient.SignInAsync(_staff.Email, ApiClient.StaffPassword);
        await (await MeAsync(token)).AssertStatusAsync(HttpStatusCode.OK);
        await (await MeAsync(token)).AssertStatusAsync(HttpStatusCode.OK);

        using var admin = await ApiClient.AsAdminAsync();
        await (await admin.PostAsync($"/api/v1/staff/{_staff.Id}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);

        await (await MeAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AfterOwnPasswordChange_OldTokenIsRejectedAndNewPasswordWorks()
    {
        var token = await ApiClient.SignInAsync(_staff.Email, ApiClient.StaffPassword);
        using (var client = ApiClient.WithBearer(token))
        {
            var wrongCurrent = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Nope-Passw0rd-1", newPassword = "Another-Passw0rd-2" });
            var problem = await wrongCurrent.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").TryGetProperty("currentPassword", out _), Is.True);

            var weak = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiClient.StaffPassword, newPassword = "short" });
            await weak.AssertProblemAsync(HttpStatusCode.BadRequest);

            await (await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiClient.StaffPassword, newPassword = "Another-Passw0rd-2" }))
                .AssertStatusAsync(HttpStatusCode.NoContent);
        }

        await (await MeAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(await ApiClient.SignInAsync(_staff.Email, "Another-Passw0rd-2"), Is.Not.Empty);
    }

    [Test]
    public async Task NoCredentials_Answers401ProblemSayingHowToAuthenticate()
    {
        var response = await Client.GetAsync("/api/v1/auth/me");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Authentication is required"));
    }
}
