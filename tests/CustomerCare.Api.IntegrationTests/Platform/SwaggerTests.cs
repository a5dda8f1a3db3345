using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

public class SwaggerTests : IntegrationTest
{
    [Test]
    public async Task SwaggerUi_IsServed()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
        });
    }

    [Test]
    public async Task OpenApiDocument_IsServedAsJson()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        Assert.Multiple(() =>
        {
            Assert.That(document.GetProperty("openapi").GetString(), Does.StartWith("3."));
            Assert.That(document.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("CustomerCare API"));
        });
    }

    [Test]
    public async Task OpenApiDocument_OffersBearerAndApiKeyAuthorization()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var me = document.GetProperty("paths").GetProperty("/api/v1/auth/me").GetProperty("get").GetProperty("security");
        var signIn = document.GetProperty("paths").GetProperty("/api/v1/auth/token").GetProperty("post");

        Assert.Multiple(() =>
        {
            Assert.That(schemes.GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(schemes.GetProperty("ApiKey").GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
            Assert.That(me.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)), Is.EquivalentTo(new[] { "Bearer", "ApiKey" }));
            Assert.That(signIn.TryGetProperty("security", out _), Is.False, "signing in needs no credentials");
        });
    }

    [Test]
    public async Task OpenApiDocument_HasAnExampleForEveryRequestBody()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body))
                {
                    continue;
                }

                foreach (var media in body.GetProperty("content").EnumerateObject())
                {
                    // An example on the media type itself (files such as CSV), else on the schema it refers to.
                    if (media.Value.TryGetProperty("example", out _))
                    {
                        continue;
                    }

                    var reference = media.Value.GetProperty("schema").TryGetProperty("$ref", out var r) ? r.GetString()! : "(inline schema)";
                    if (!schemas.TryGetProperty(reference.Split('/')[^1], out var schema) || !schema.TryGetProperty("example", out _))
                    {
                        missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {media.Name} ({reference})");
                    }
                }
            }
        }

        Assert.That(missing, Is.Empty);
    }
}
