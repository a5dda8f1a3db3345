using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>Hostile or careless input gets a 400 problem, never a 500, and stores nothing.</summary>
public class BadInputTests : AdminIntegrationTest
{
    [TestCase("/api/v1/departments?page=2147483647&pageSize=200")]
    [TestCase("/api/v1/complaints?page=2147483647&pageSize=200")]
    [TestCase("/api/v1/customers?page=99999999&pageSize=200")]
    [TestCase("/api/v1/complaints?q=%00%ff")]
    [TestCase("/api/v1/staff?search=%00")]
    [TestCase("/api/v1/complaints?pageSize=-5")]
    public async Task Query_OutOfRangeOrWithControlCharacters_Answers400(string url)
    {
        var response = await Admin.GetAsync(url);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [TestCase("/api/v1/complaints?q=%00", "q")]
    [TestCase("/api/v1/staff?search=a%00b", "search")]
    [TestCase("/api/v1/customers?q=%E5%BC%A0%00", "q")]
    public async Task Query_WithANulCharacter_Answers400NamingIt_AndIsLoggedOnceAtInformation_WithoutAStack(string url, string field)
    {
        TestLogs.Clear();

        var response = await Admin.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var lines = TestLogs.Lines.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.GetRawText());
            Assert.That(lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(l => $"{l.Level} {l.Category}: {l.Message}"), Is.Empty,
                "a client's mistake is no warning or error");
            Assert.That(lines.Where(l => l.Exception is not null).Select(l => l.Category), Is.Empty, "no stack trace");
            Assert.That(lines.Count(l => l.Category.Contains("HttpLogging", StringComparison.Ordinal) && l.Message.Contains("400", StringComparison.Ordinal)),
                Is.EqualTo(1), "the request is logged once, with its status");
        });
    }

    [TestCase("""{"name":"x","contactPoints":[null]}""")]
    [TestCase("""{"name":"x","contactPoints":[{"kind":"phone","value":null}]}""")]
    [TestCase("""{"name":"x","contactPoints":[{"kind":7,"value":"1"}]}""")]
    [TestCase("""{"name":"x\u0000y","contactPoints":[]}""")]
    [TestCase("""{"name":"x","contactPoints":[],"segment":"a\u0000"}""")]
    [TestCase("""{"name":"x","contactPoints":[],"company":{"nested":{"deep":[1,2,3]}}}""")]
    public async Task CustomerBody_Malformed_Answers400AndStoresNothing(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await Admin.PostAsync("/api/v1/customers", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var list = await (await Admin.GetAsync("/api/v1/customers?includeInactive=true")).ReadJsonAsync();
        Assert.That(list.GetProperty("totalCount").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task ComplaintText_WithANulCharacter_Answers400AndTheComplaintIsUnchanged()
    {
        var api = new ComplaintApi(Admin);
        var id = (await api.ReceiveAsync()).GetProperty("id").GetGuid();

        var note = await api.ActAsync(id, "notes", new { text = "bad\u0000note" });
        var steps = await api.ActAsync(id, "solution", new { summary = "x", communicatedVia = "phone", steps = new object?[] { null } });

        await note.AssertProblemAsync(HttpStatusCode.BadRequest);
        await steps.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await api.TimelineKindsAsync(id), Is.EqualTo(new[] { "received" }));
    }

    [Test]
    public async Task HugeString_Answers400()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/departments", new { name = new string('x', 1_000_000), code = "BIG" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
