using System.Net;
using System.Text.Json;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 problem response of the given status and returns its JSON body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(body, Does.Not.Contain("   at "), "a stack trace leaked into the response");
        });
        return problem;
    }
}
