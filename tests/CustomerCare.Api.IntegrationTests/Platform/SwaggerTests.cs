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
            Assert.That(signIn.GetProperty("security").GetArrayLength(), Is.Zero, "signing in needs no credentials, and says so (security: [])");
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

    [Test]
    public async Task OpenApiDocument_DeclaresTheHeadersAroundTheBodies()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Id: $"{op.Name.ToUpperInvariant()} {path.Name}", Op: op.Value)))
            .ToList();
        static JsonElement? Header(JsonElement response, string name) =>
            response.TryGetProperty("headers", out var headers) && headers.TryGetProperty(name, out var header) ? header : null;

        var ifMatchMissing = operations
            .Where(o => o.Op.GetProperty("responses").TryGetProperty("428", out _))
            .Where(o => !(o.Op.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p =>
                p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header" && p.GetProperty("required").GetBoolean())))
            .Select(o => o.Id).ToList();
        var locationMissing = operations
            .Where(o => o.Op.GetProperty("responses").TryGetProperty("201", out var created) && Header(created, "Location") is null)
            .Select(o => o.Id).ToList();
        var register = operations.Single(o => o.Id == "POST /api/v1/complaints/{id}/register").Op.GetProperty("responses");
        var get = operations.Single(o => o.Id == "GET /api/v1/complaints/{id}").Op.GetProperty("responses");
        var receive = operations.Single(o => o.Id == "POST /api/v1/complaints").Op.GetProperty("responses");

        Assert.Multiple(() =>
        {
            Assert.That(operations.Count(o => o.Op.GetProperty("responses").TryGetProperty("428", out _)), Is.GreaterThanOrEqualTo(20));
            Assert.That(ifMatchMissing, Is.Empty, "every operation that answers 428 without If-Match declares it, required");
            Assert.That(locationMissing, Is.Empty, "every 201 declares Location");
            Assert.That(Header(get.GetProperty("200"), "ETag"), Is.Not.Null);
            Assert.That(Header(register.GetProperty("200"), "ETag"), Is.Not.Null);
            Assert.That(Header(receive.GetProperty("201"), "ETag"), Is.Not.Null);
            Assert.That(Header(receive.GetProperty("201"), "Idempotent-Replayed"), Is.Not.Null);
            Assert.That(Header(receive.GetProperty("200"), "Location"), Is.Not.Null, "a re-sent external reference answers the existing complaint and where it is");
        });
    }

    [Test]
    public async Task DeclaredHeaders_AreTheOnesSent()
    {
        using var admin = await ApiClient.AsAdminAsync();
        var receive = await admin.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "phone", customer = new { name = "李娜", phone = "138 0013 8001" }, title = "热水壶漏水", description = "底座漏水。",
        });
        var id = (await receive.ReadJsonAsync()).GetProperty("id").GetGuid();
        var get = await admin.GetAsync($"/api/v1/complaints/{id}");
        using var register = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{id}/register")
        {
            Content = JsonContent.Create(new { category = "productQuality", severity = "general", customerAcknowledged = true }),
        };
        register.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
        var registered = await admin.SendAsync(register);

        Assert.Multiple(() =>
        {
            Assert.That(receive.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(receive.Headers.Location, Is.Not.Null);
            Assert.That(receive.Headers.ETag, Is.Not.Null);
            Assert.That(get.Headers.ETag, Is.Not.Null);
            Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the ETag read goes back in If-Match");
            Assert.That(registered.Headers.ETag, Is.Not.Null.And.Not.EqualTo(get.Headers.ETag));
        });
    }

    [Test]
    public async Task WhereTheDemoStaffExist_TheSignInExample_IsTheDemoAgentsRealCredentials()
    {
        const string demoPassword = "Demo-Passw0rd-For-Swagger-1";
        await using var host = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false,
            new Dictionary<string, string?> { ["CustomerCare:Bootstrap:DemoStaffPassword"] = demoPassword });
        using var client = host.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var example = document.GetProperty("components").GetProperty("schemas").GetProperty("SignInInput").GetProperty("example");
        var signIn = await client.PostAsync("/api/v1/auth/token", new StringContent(example.GetRawText(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Multiple(() =>
        {
            Assert.That(example.GetProperty("email").GetString(), Is.EqualTo("agent@customercare.example"));
            Assert.That(example.GetProperty("password").GetString(), Is.EqualTo(demoPassword));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the example as Swagger UI sends it signs in");
        });
    }
}
