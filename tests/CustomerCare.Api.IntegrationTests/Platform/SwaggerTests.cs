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
}
