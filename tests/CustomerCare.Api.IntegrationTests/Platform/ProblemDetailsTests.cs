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
}
