using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// Each kind of problem carries its own stable <c>type</c> (the contract's schemas declare them as enums, and every
/// answer in the integration tests is held to those schemas by <see cref="ContractCheckingHandler"/>); each type is a
/// page the API serves.
/// </summary>
public sealed class ProblemTypeTests : AdminIntegrationTest
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var problem = await response.AssertProblemAsync(status);
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(type), problem.ToString());
        return problem;
    }

    [Test]
    public async Task EachKindOfRefusal_CarriesTheTypeOfItsKind()
    {
        var complaints = new ComplaintApi(Admin);
        var id = (await complaints.ReceiveAsync()).GetProperty("id").GetGuid();
        var register = new { category = "productQuality", severity = "general" };

        var validation = await ProblemAsync(await Admin.PostAsJsonAsync("/api/v1/complaints", new { channel = "phone" }), HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(validation.GetProperty("errors").EnumerateObject().Select(e => e.Name), Does.Contain("title"));

        // A 400 without a field (a body that is no JSON object at all) still has errors, under "$".
        using var notJson = new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json");
        var unreadable = await ProblemAsync(await Admin.PostAsync("/api/v1/complaints", notJson), HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(unreadable.GetProperty("errors").EnumerateObject().Count(), Is.GreaterThan(0));

        await ProblemAsync(await Client.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.Unauthorized, "/problems/unauthorized");
        using (var agent = await ApiClient.AsStaffAsync("agent"))
        {
            await ProblemAsync(await agent.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden, "/problems/forbidden");
        }

        await ProblemAsync(await Admin.GetAsync($"/api/v1/complaints/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "/problems/not-found");
        await ProblemAsync(await Admin.PostAsJsonAsync($"/api/v1/complaints/{id}/register", register), (HttpStatusCode)428, "/problems/precondition-required");

        var stale = new EntityTagHeaderValue("\"999999\"");
        await ProblemAsync(await complaints.ActAsync(id, "register", register, stale), HttpStatusCode.PreconditionFailed, "/problems/precondition-failed");

        var conflict = await ProblemAsync(await complaints.ActAsync(id, "close", new { reason = "resolved" }), HttpStatusCode.Conflict, "/problems/state-conflict");
        Assert.Multiple(() =>
        {
            Assert.That(conflict.GetProperty("code").GetString(), Is.Not.Empty);
            Assert.That(conflict.GetProperty("currentStatus").GetString(), Is.EqualTo("received"));
            Assert.That(conflict.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Does.Contain("register"));
        });

        using var xml = new StringContent("<complaint/>", System.Text.Encoding.UTF8, "application/xml");
        await ProblemAsync(await Admin.PostAsync("/api/v1/complaints", xml), HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
    }

    [Test]
    public async Task EveryProblemType_IsAPageDescribingIt_AndTheIndexListsThemAll()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var declared = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Name.EndsWith("Problem", StringComparison.Ordinal))
            .SelectMany(s => s.Value.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!))
            .ToList();
        Assert.That(declared, Has.Count.GreaterThanOrEqualTo(14));

        var index = await Client.GetStringAsync("/problems/");
        foreach (var type in declared)
        {
            var page = await Client.GetAsync(type);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), type);
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain($"<code>{type}</code>"));
            Assert.That(index, Does.Contain($"<code>{type}</code>"));
        }

        await (await Client.GetAsync("/problems/no-such-kind")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
