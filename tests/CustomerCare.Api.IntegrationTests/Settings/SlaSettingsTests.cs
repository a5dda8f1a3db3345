using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
            (policies, "{\"atRiskFraction\":0.8,\"targets\":{\"general\":{\"registered\":{\"duration\":\"" + longDuration + "\",\"basis\":\"working\"}}}}"),
            (policies, """{"atRiskFraction":0.8,"targets":{"general":{"registered":"PT1H"}}}"""),
            (policies, """{"atRiskFraction":0.8,"targets":{"general":{"registered":{"duration":"PT1H","basis":"lunar"}}}}"""),
        };

        foreach (var (url, json) in bodies)
        {
            var response = await Admin.PutAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.That((await (await Admin.GetAsync(calendar)).ReadJsonAsync()).GetProperty("value").ToString(), Is.EqualTo(before));
    }

    private static Dictionary<string, object> Target(string duration, string basis = "working") => new() { ["duration"] = duration, ["basis"] = basis };

    private static Dictionary<string, Dictionary<string, Dictionary<string, object>>> Targets(string generalRegistered = "PT1H") => new()
    {
        ["general"] = new()
        {
            ["registered"] = Target(generalRegistered), ["assigned"] = Target("PT2H"), ["firstContact"] = Target("PT24H", "calendar"),
            ["solutionProposed"] = Target("P3D"), ["resultFedBack"] = Target("P3D"), ["resolution"] = Target("P6D"),
        },
        ["major"] = new()
        {
            ["registered"] = Target("PT15M"), ["assigned"] = Target("PT1H"), ["firstContact"] = Target("PT4H", "calendar"),
            ["solutionProposed"] = Target("P2D"), ["resultFedBack"] = Target("P2D"), ["resolution"] = Target("P5D"),
        },
    };

    [Test]
    public async Task SlaPolicies_StateTheBasisOfEachTarget_CanBeReplaced_AndBadTargetsAreRefused()
    {
        var current = await (await Admin.GetAsync("/api/v1/settings/sla-policies")).ReadJsonAsync();
        var shipped = current.GetProperty("value").GetProperty("targets");
        Assert.Multiple(() =>
        {
            Assert.That(shipped.GetProperty("major").GetProperty("solutionProposed").GetProperty("duration").GetString(), Is.EqualTo("P5D"));
            Assert.That(shipped.GetProperty("general").GetProperty("firstContact").GetProperty("duration").GetString(), Is.EqualTo("PT24H"), "24 hours, not a working day");
            Assert.That(shipped.GetProperty("general").GetProperty("firstContact").GetProperty("basis").GetString(), Is.EqualTo("calendar"));
            Assert.That(shipped.GetProperty("general").GetProperty("resolution").GetProperty("duration").GetString(), Is.EqualTo("P6D"));
            Assert.That(shipped.GetProperty("major").GetProperty("resolution").GetProperty("duration").GetString(), Is.EqualTo("P8D"));
            Assert.That(shipped.GetProperty("major").GetProperty("resolution").GetProperty("basis").GetString(), Is.EqualTo("working"));
        });

        var targets = Targets(generalRegistered: "PT30M");
        var updated = await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.75, targets })).ReadJsonAsync();
        Assert.That(updated.GetProperty("value").GetProperty("targets").GetProperty("general").GetProperty("registered").GetProperty("duration").GetString(), Is.EqualTo("PT30M"));

        targets["general"]["registered"] = Target("an hour");
        await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.75, targets })).AssertProblemAsync(HttpStatusCode.BadRequest);
        targets["general"]["registered"] = new Dictionary<string, object> { ["duration"] = "PT1H" };
        var noBasis = await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.75, targets })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(noBasis.GetProperty("errors").TryGetProperty("settings.targets.general.registered.basis", out _), Is.True, noBasis.ToString());
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
        var targets = Targets(generalRegistered: "P2D");
        await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.8, targets })).AssertStatusAsync(HttpStatusCode.OK);

        var complaint = await new Complaints.ComplaintApi(Admin).ReceiveAsync();

        var registered = complaint.GetProperty("sla").EnumerateArray().Single(c => c.GetProperty("milestone").GetString() == "registered");
        Assert.That(registered.GetProperty("dueAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, Is.GreaterThan(TimeSpan.FromHours(24)), "two working days, not one hour");
    }

    [Test]
    public async Task TargetsStoredBeforeTheyHadABasis_Migrate_KeepingTheirMeaning_ButTheShippedOneWorkingDayBecomes24Hours()
    {
        const string legacy = """
            {"atRiskFraction":0.75,"targets":{
              "general":{"registered":"PT30M","assigned":"PT2H","firstContact":"P1D","solutionProposed":"P4D","resultFedBack":"P3D"},
              "major":{"registered":"PT15M","assigned":"PT1H","firstContact":"PT4H","solutionProposed":"P5D","resultFedBack":"P2D"}}}
            """;
        await using (var scope = Testing.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCare.Infrastructure.Data.CustomerCareDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE settings SET value = {0}::jsonb WHERE key = 'slaPolicies'", legacy);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var migrate = connection.CreateCommand();
            migrate.CommandText = CustomerCare.Infrastructure.Data.Migrations.SlaTargetBasis.ConvertStoredTargets;
            Assert.That(await migrate.ExecuteNonQueryAsync(), Is.EqualTo(1), "the stored policy is converted");
        }

        var targets = (await (await Admin.GetAsync("/api/v1/settings/sla-policies")).ReadJsonAsync()).GetProperty("value").GetProperty("targets");
        string Target(string severity, string milestone) =>
            $"{targets.GetProperty(severity).GetProperty(milestone).GetProperty("duration").GetString()} {targets.GetProperty(severity).GetProperty(milestone).GetProperty("basis").GetString()}";
        Assert.Multiple(() =>
        {
            Assert.That(Target("general", "registered"), Is.EqualTo("PT30M working"), "an operator's own target keeps its meaning");
            Assert.That(Target("general", "solutionProposed"), Is.EqualTo("P4D working"));
            Assert.That(Target("general", "firstContact"), Is.EqualTo("PT24H calendar"), "the shipped one working day was the bent reading");
            Assert.That(Target("major", "firstContact"), Is.EqualTo("PT4H working"), "an operator's own first-contact target keeps its meaning");
            Assert.That(Target("general", "resolution"), Is.EqualTo("P6D working"), "the new end-to-end target, added with its default");
            Assert.That(Target("major", "resolution"), Is.EqualTo("P8D working"));
        });

        // And what migrated is a policy the API works with.
        await new Complaints.ComplaintApi(Admin).ReceiveAsync();
    }
}
