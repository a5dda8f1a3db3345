using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Auth;

/// <summary>A request proves one identity: a bearer token or X-Api-Key. Both at once is a 400 saying so, whoever holds them.</summary>
public class OneCredentialTests : IntegrationTest
{
    [Test]
    public async Task BearerTokenAndApiKey_Together_Are400_NamingTheMistake_AndChangeNothing()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        var token = await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword);
        using var both = ApiClient.WithApiKey(key);
        both.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var read = await both.GetAsync("/api/v1/complaints");
        var write = await both.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "phone", customer = new { name = "张伟", phone = "138 0013 8000" }, title = "Kettle leaks", description = "Both credentials sent.",
        });

        foreach (var response in new[] { read, write })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").GetProperty("credentials")[0].GetString(), Does.Contain("not both"));
        }

        using var admin = ApiClient.WithBearer(token);
        var list = await (await admin.GetAsync("/api/v1/complaints")).ReadJsonAsync();
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.Zero, "the refused create stored nothing");
    }

    [Test]
    public async Task EachCredentialAlone_StillWorks()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);
        using var admin = await ApiClient.AsAdminAsync();

        Assert.Multiple(async () =>
        {
            Assert.That((await partner.GetAsync("/api/v1/complaints")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await admin.GetAsync("/api/v1/complaints")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
