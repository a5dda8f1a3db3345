using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Settings;

public class SlaSettingsTests : AdminIntegrationTest
{
    private static object Calendar(string timeZone = "Asia/Shanghai", string monday = "09:00-18:00", string day = "monday") => new
    {
        timeZone,
        workingHours = new Dictionary<string, string[]> { [day] = [monday], ["friday"] = ["09:00-17:00"] },
        holidays = new[] { "2026-10-01" },
        makeUpWorkingDays = new[] { "2026-10-10" },
    };

    [Test]
    public async Task Calendar_OnAFreshDatabase_IsTheDefault_AndAnAdminCanReplaceIt()
    {
        var initial = await Admin.GetAsync("/api/v1/settings/calendar");
        var body = await initial.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("value").GetProperty("timeZone").GetString(), Is.EqualTo("Asia/Shanghai"));
            Assert.That(body.GetProperty("value").GetProperty("workingHours").GetProperty("monday")[0].GetString(), Is.EqualTo("09:00-18:00"));
        });

        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/settings/calendar") { Content = JsonContent.Create(Calendar(monday: "08:30-17:30")) };
        put.Headers.IfMatch.Add(initial.Headers.ETag!);
        var updated = await (await Admin.SendAsync(put)).ReadJsonAsync();
        var read = await (await Admin.GetAsync("/api/v1/settings/calendar")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(updated.GetProperty("value").GetProperty("workingHours").GetProperty("monday")[0].GetString(), Is.EqualTo("08:30-17:30"));
            Assert.That(read.GetProperty("value").GetProperty("holidays")[0].GetString(), Is.EqualTo("2026-10-01"));
        });

        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/settings/calendar") { Content = JsonContent.Create(Calendar()) };
        stale.Headers.IfMatch.Add(initial.Headers.ETag!);
        await (await Admin.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [TestCase("Mars/Base", "09:00-18:00", "monday")]
    [TestCase("Asia/Shanghai", "18:00-09:00", "monday")]
    [TestCase("Asia/Shanghai", "9-18", "monday")]
    [TestCase("Asia/Shanghai", "09:00-18:00", "funday")]
    public async Task Calendar_ThatMakesNoSense_Answers400(string timeZone, string period, string day)
    {
        var response = await Admin.PutAsJsonAsync("/api/v1/settings/calendar", Calendar(timeZone, period, day));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("settings", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Settings_WithNullsOrTooMuchInsideTheirMaps_Answer400_AndKeepTheLastGoodOnes()
    {
        const string calendar = "/api/v1/settings/calendar";
        const string policies = "/api/v1/settings/sla-policies";
        var before = (await (await Admin.GetAsync(calendar)).ReadJsonAsync()).GetProperty("value").ToString();
        var thirteenPeriods = string.Join(",", Enumerable.Range(0, 13).Select(h => $"\"{h:00}:00-{h:00}:30\""));
        var paddedPeriod = new string(' ', 30) + "09:00-18:00";
        var longDuration = "PT" + new string('0', 40) + "1H";
        var bodies = new (string Url, string Json)[]
        {
            (calendar, """{"timeZone":"UTC","workingHours":{"monday":null},"holidays":[],"makeUpWorkingDays":[]}"""),
            (calendar, """{"timeZone":"UTC","workingHours":{"monday":["09:00-12:00",null]},"holidays":[],"makeUpWorkingDays":[]}"""),
            (calendar, """{"timeZone":"UTC","workingHours":{"monday":[""" + thirteenPeriods + """]},"holidays":[],"makeUpWorkingDays":[]}"""),
            (calendar, $$"""{"timeZone":"UTC","workingHours":{"monday":["{{paddedPeriod}}"]},"holidays":[],"makeUpWorkingDays":[]}"""),
            (policies, """{"atRiskFraction":0.8,"targets":{"general":null}}"""),
            (policies, """{"atRiskFraction":0.8,"targets":{"general":{"registered":null}}}"""),
            (policies, "{\"atRiskFraction\":0.8,\"targets\":{\"general\":{\"registered\":\"" + longDuration + "\"}}}"),
        };

        foreach (var (url, json) in bodies)
        {
            var response = await Admin.PutAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.That((await (await Admin.GetAsync(calendar)).ReadJsonAsync()).GetProperty("value").ToString(), Is.EqualTo(before));
    }

    [Test]
    public async Task SlaPolicies_CanBeReplaced_AndBadTargetsAreRefused()
    {
        var current = await (await Admin.GetAsync("/api/v1/settings/sla-policies")).ReadJsonAsync();
        Assert.That(current.GetProperty("value").GetProperty("targets").GetProperty("major").GetProperty("solutionProposed").GetString(), Is.EqualTo("P5D"));

        var targets = new Dictionary<string, Dictionary<string, string>>
        {
            ["general"] = new() { ["registered"] = "PT30M", ["assigned"] = "PT2H", ["firstContact"] = "P1D", ["solutionProposed"] = "P3D", ["resultFedBack"] = "P3D" },
            ["major"] = new() { ["registered"] = "PT15M", ["assigned"] = "PT1H", ["firstContact"] = "PT4H", ["solutionProposed"] = "P2D", ["resultFedBack"] = "P2D" },
        };
        var updated = await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.75, targets })).ReadJsonAsync();
        Assert.That(updated.GetProperty("value").GetProperty("targets").GetProperty("general").GetProperty("registered").GetString(), Is.EqualTo("PT30M"));

        targets["general"]["registered"] = "an hour";
        await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.75, targets })).AssertProblemAsync(HttpStatusCode.BadRequest);
        targets["general"].Remove("registered");
        await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.75, targets })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.75, targets = (object?)null })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Admin.PutAsJsonAsync("/api/v1/settings/calendar", new { timeZone = "UTC", workingHours = (object?)null, holidays = Array.Empty<string>(), makeUpWorkingDays = Array.Empty<string>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        // Whatever was refused, complaints are still received on the last good settings.
        await new Complaints.ComplaintApi(Admin).ReceiveAsync();
    }

    [Test]
    public async Task NewTargets_ApplyToComplaintsReceivedAfterwards()
    {
        var targets = new Dictionary<string, Dictionary<string, string>>
        {
            ["general"] = new() { ["registered"] = "P2D", ["assigned"] = "PT2H", ["firstContact"] = "P1D", ["solutionProposed"] = "P3D", ["resultFedBack"] = "P3D" },
            ["major"] = new() { ["registered"] = "P2D", ["assigned"] = "PT1H", ["firstContact"] = "PT4H", ["solutionProposed"] = "P2D", ["resultFedBack"] = "P2D" },
        };
        await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.8, targets })).AssertStatusAsync(HttpStatusCode.OK);

        var complaint = await new Complaints.ComplaintApi(Admin).ReceiveAsync();

        var due = complaint.GetProperty("sla")[0].GetProperty("dueAt").GetDateTimeOffset();
        Assert.That(due - DateTimeOffset.UtcNow, Is.GreaterThan(TimeSpan.FromHours(24)), "two working days, not one hour");
    }
}
