using System.Net;
using CustomerCare.Api.Infrastructure.Logging;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>Secrets that travel in URLs (survey tokens, keys and codes in a query) appear in no log line.</summary>
public class LogRedactionTests : IntegrationTest
{
    private const string Token = "sv1_Zx9PqLmT4uVb8NcR2kWy7HdG3sJf6Ae";

    [TestCase("/api/v1/survey-responses/" + Token, "/api/v1/survey-responses/***")]
    [TestCase("/api/v1/survey-responses/" + Token + "?x=1", "/api/v1/survey-responses/***?x=1")]
    [TestCase("/a?token=abc&page=2", "/a?token=***&page=2")]
    [TestCase("/a?page=2&apiKey=cc_live_123&code=991234", "/a?page=2&apiKey=***&code=***")]
    [TestCase("/a?access_token=x.y.z", "/a?access_token=***")]
    [TestCase("/api/v1/complaints?q=水壶&page=2", "/api/v1/complaints?q=水壶&page=2")]
    public void Redact_MasksTokensInPathsAndSecretQueryValues(string text, string expected)
    {
        Assert.That(SecretRedaction.Redact(text), Is.EqualTo(expected));
    }

    [Test]
    public void TheRequestScope_IsHandedToLoggersRedacted()
    {
        var scopes = new LoggerExternalScopeProvider();
        var redacting = new RedactingScopeProvider(scopes);
        var seen = new List<object?>();
        using (redacting.Push(new RequestScope("/api/v1/survey-responses/" + Token)))
        {
            redacting.ForEachScope((scope, list) => list.Add(scope), seen);
        }

        var scope = (IReadOnlyList<KeyValuePair<string, object?>>)seen.Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(scope.Single(p => p.Key == "RequestPath").Value, Is.EqualTo("/api/v1/survey-responses/***"));
            Assert.That(scope.Single(p => p.Key == "RequestId").Value, Is.EqualTo("0HN1"));
            Assert.That(scope.ToString(), Does.Not.Contain(Token).And.Contain("/survey-responses/***"));
        });
    }

    /// <summary>
    /// One JSON line per request is the request log: it follows the configured default level, so an operator who sets
    /// <c>Logging__LogLevel__Default=Warning</c> gets no line per request (it once was pinned to Information).
    /// </summary>
    [Test]
    public async Task TheRequestLog_FollowsTheConfiguredDefaultLevel()
    {
        await using var quiet = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("Logging:LogLevel:Default", "Warning"));
        using var quietClient = quiet.CreateClient();
        var (quietPath, loudPath) = ($"/api/v1/incidents/{Guid.NewGuid()}", $"/api/v1/incidents/{Guid.NewGuid()}");

        await quietClient.GetAsync(quietPath);
        await Client.GetAsync(loudPath);

        var requestLines = TestLogs.Lines.Where(l => l.Category.StartsWith(RequestLogLevel.Category, StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(requestLines.Where(l => l.Message.Contains(quietPath, StringComparison.Ordinal)), Is.Empty, "at Warning, no request line");
            Assert.That(requestLines.Where(l => l.Message.Contains(loudPath, StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1), "at Information, one");
        });
    }

    [Test]
    public async Task ASurveyLink_IsLoggedWithoutItsToken()
    {
        TestLogs.Clear();

        var response = await Client.GetAsync($"/api/v1/survey-responses/{Token}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var lines = TestLogs.Lines.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines.Where(l => l.Message.Contains(Token, StringComparison.Ordinal)).Select(l => l.Category), Is.Empty);
            Assert.That(lines.Any(l => l.Category.Contains("HttpLogging", StringComparison.Ordinal) && l.Message.Contains("/api/v1/survey-responses/***", StringComparison.Ordinal)),
                Is.True, "the request is logged, with the token masked");
        });
    }

    /// <summary>Shaped as the host's request scope (RequestPath, RequestId).</summary>
    private sealed class RequestScope(string path) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = [new("RequestId", "0HN1"), new("RequestPath", path)];

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"RequestPath:{path} RequestId:0HN1";
    }
}
