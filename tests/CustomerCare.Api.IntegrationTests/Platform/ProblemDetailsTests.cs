using System.Net;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

public class ProblemDetailsTests : IntegrationTest
{
    [Test]
    public async Task UnknownRoute_AnswersNotFoundProblem()
    {
        var response = await Client.GetAsync("/api/v1/no-such-resource");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("instance").GetString(), Is.EqualTo("/api/v1/no-such-resource"));
    }

    [Test]
    public async Task UnknownRoute_WithBody_AnswersNotFoundProblem()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        var response = await Client.PostAsync("/api/v1/nothing-here", content);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task KnownRoute_WithWrongMethod_AnswersMethodNotAllowedProblem()
    {
        var response = await Client.DeleteAsync("/health/live");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    // Found by the fuzz suite: with an Accept header naming no JSON type the framework's writer declined, and the error
    // became a bare 500 (a report asked for as CSV with a bad period, a complaint id that does not exist, ...).
    [TestCase("text/csv", "/api/v1/reports/complaints/summary?from=2026-03-01&to=2026-01-01", HttpStatusCode.BadRequest)]
    [TestCase("application/xml", "/api/v1/complaints/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [TestCase("text/html", "/api/v1/complaints?pageSize=100000", HttpStatusCode.BadRequest)]
    [TestCase("application/json;q=0", "/api/v1/no-such-resource", HttpStatusCode.NotFound)]
    public async Task AnAcceptHeaderWithoutJson_StillGetsAProblemResponse(string accept, string url, HttpStatusCode status)
    {
        using var admin = await ApiClient.AsAdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await admin.SendAsync(request);

        var problem = await response.AssertProblemAsync(status);
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
    }

    [TestCase("application/json; charset=ebcdic")]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=\"unknown\"")]
    public async Task ABodyInAnotherCharacterSet_Answers415(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new ByteArrayContent("{\"email\":\"a@b.c\",\"password\":\"x\"}"u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await Client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("UTF-8"));
    }
}
