using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Partners;

public class PartnerKeysTests : AdminIntegrationTest
{
    private static async Task<HttpStatusCode> MeStatusAsync(string key)
    {
        using var client = ApiClient.WithApiKey(key);
        return (await client.GetAsync("/api/v1/auth/me")).StatusCode;
    }

    [Test]
    public async Task IssuedKey_AuthenticatesThePartnerAndIsNeverShownAgain()
    {
        var (partnerId, keyId, key) = await ApiClient.CreatePartnerKeyAsync("Acme Shop");

        using var partner = ApiClient.WithApiKey(key);
        var me = await (await partner.GetAsync("/api/v1/auth/me")).ReadJsonAsync();
        var keysResponse = await Admin.GetAsync($"/api/v1/partners/{partnerId}/keys");
        var keysBody = await keysResponse.Content.ReadAsStringAsync();
        var keys = await keysResponse.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("kind").GetString(), Is.EqualTo("partner"));
            Assert.That(me.GetProperty("id").GetGuid(), Is.EqualTo(partnerId));
            Assert.That(keys.EnumerateArray().Single().GetProperty("id").GetGuid(), Is.EqualTo(keyId));
            Assert.That(keys.EnumerateArray().Single().GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(keysBody, Does.Not.Contain(key[(key.IndexOf('_', key.IndexOf('_') + 1) + 1)..]), "the secret part (after the prefix)");
        });
    }

    [Test]
    public async Task StoredKey_IsOnlyAHash()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();

        await using var connection = new Npgsql.NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT prefix, encode(hash, 'hex') FROM partner_api_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(key, Does.Contain(reader.GetString(0)));
            Assert.That(reader.GetString(1), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))));
        });
    }

    [TestCase("cck_aaaaaaaaaaaa_nottherealsecret")]
    [TestCase("garbage")]
    [TestCase("")]
    public async Task UnknownOrMalformedKey_Answers401(string key)
    {
        await ApiClient.CreatePartnerKeyAsync();
        using var client = ApiClient.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);

        var response = await client.GetAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task RevokedKey_StopsAtOnce()
    {
        var (partnerId, keyId, key) = await ApiClient.CreatePartnerKeyAsync();

        await (await Admin.PostAsync($"/api/v1/partners/{partnerId}/keys/{keyId}/revoke", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        Assert.That(await MeStatusAsync(key), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Rotate_WithoutGrace_SwapsKeysAtOnce_WithDefaultGrace_KeepsTheOldOneWorking()
    {
        var (partnerId, keyId, oldKey) = await ApiClient.CreatePartnerKeyAsync();

        var graceful = await (await Admin.PostAsJsonAsync($"/api/v1/partners/{partnerId}/keys/{keyId}/rotate", new { })).ReadJsonAsync();
        var secondKey = graceful.GetProperty("key").GetString()!;
        Assert.Multiple(async () =>
        {
            Assert.That(await MeStatusAsync(oldKey), Is.EqualTo(HttpStatusCode.OK), "the old key works during the grace period");
            Assert.That(await MeStatusAsync(secondKey), Is.EqualTo(HttpStatusCode.OK));
        });

        var immediate = await (await Admin.PostAsJsonAsync(
            $"/api/v1/partners/{partnerId}/keys/{graceful.GetProperty("id").GetGuid()}/rotate", new { gracePeriodHours = 0 })).ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await MeStatusAsync(secondKey), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await MeStatusAsync(immediate.GetProperty("key").GetString()!), Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Rotate_WithGraceOutOfRange_Answers400()
    {
        var (partnerId, keyId, _) = await ApiClient.CreatePartnerKeyAsync();

        var response = await Admin.PostAsJsonAsync($"/api/v1/partners/{partnerId}/keys/{keyId}/rotate", new { gracePeriodHours = 100000 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("gracePeriodHours", out _), Is.True);
    }

    [Test]
    public async Task DeactivatedPartner_KeysStopWorking()
    {
        var (partnerId, _, key) = await ApiClient.CreatePartnerKeyAsync();

        await (await Admin.PostAsync($"/api/v1/partners/{partnerId}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.That(await MeStatusAsync(key), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task KeyOfAnotherPartner_CannotBeRevokedThroughThisPartner()
    {
        var (_, keyId, key) = await ApiClient.CreatePartnerKeyAsync("A");
        var (otherPartner, _, _) = await ApiClient.CreatePartnerKeyAsync("B");

        await (await Admin.PostAsync($"/api/v1/partners/{otherPartner}/keys/{keyId}/revoke", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.That(await MeStatusAsync(key), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task IssueKey_WithExpiryInThePast_Answers409()
    {
        var (partnerId, _, _) = await ApiClient.CreatePartnerKeyAsync();

        var response = await Admin.PostAsJsonAsync($"/api/v1/partners/{partnerId}/keys", new { expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
