using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Sla;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Api.IntegrationTests.Settings;

/// <summary>
/// A 7×24 hotline and a 09:00–18:00 back office: named calendars that departments work by, each complaint's clocks on
/// the calendar of the department responsible, recomputed on a transfer and when a department changes calendar; and
/// the years of holidays an administrator reviews. The host's clock is the test's: a Friday at 17:00 in Shanghai.
/// </summary>
public class CalendarTests : IntegrationTest
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private FakeTimeProvider _clock = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _admin = null!;
    private ComplaintApi _api = null!;
    private DateTimeOffset _friday;

    /// <summary>The next Friday 17:00 (Shanghai) whose following working week has no shipped holiday, so that hand-counting holds.</summary>
    private static DateTimeOffset NextPlainFriday()
    {
        var holidays = MainlandChinaHolidays.Years.Values.SelectMany(y => y.Holidays.Concat(y.MakeUpWorkingDays)).ToHashSet();
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Shanghai).DateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Friday || Enumerable.Range(0, 11).Any(i => holidays.Contains(day.AddDays(i))))
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), Shanghai);
    }

    [SetUp]
    public async Task StartHostAsync()
    {
        _friday = NextPlainFriday();
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = Testing.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _admin = _factory.CreateClient();
        _admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));
        _api = new ComplaintApi(_admin);
        _clock.SetUtcNow(_friday);
    }

    [TearDown]
    public async Task StopHostAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private static object AllDay() => new
    {
        timeZone = "Asia/Shanghai",
        workingHours = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new[] { "00:00-24:00" }),
        holidays = Array.Empty<string>(),
        makeUpWorkingDays = Array.Empty<string>(),
    };

    private async Task<Guid> DepartmentAsync(string name, string code, string? calendar)
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/departments", new { name, code, calendar });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static JsonElement Clock(JsonElement complaint, string milestone) =>
        complaint.GetProperty("sla").EnumerateArray().Single(c => c.GetProperty("milestone").GetString() == milestone);

    private async Task RecomputeAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var rescheduler = scope.ServiceProvider.GetRequiredService<SlaRescheduler>();
        while (await rescheduler.RunBatchAsync(CancellationToken.None))
        {
        }
    }

    [Test]
    public async Task EachComplaintsClocks_RunOnTheCalendarOfTheDepartmentResponsible_TransfersAndCalendarChangesRecompute()
    {
        await (await _admin.PutAsJsonAsync("/api/v1/calendars/hotline-24x7", AllDay())).AssertStatusAsync(HttpStatusCode.OK);
        var hotline = await DepartmentAsync("Hotline", "HL", "hotline-24x7");
        var backOffice = await DepartmentAsync("Back office", "BO", null);

        var id = (await _api.ReceiveAsync()).GetProperty("id").GetGuid();
        await _api.DoAsync(id, "register", new { category = "other", severity = "general" });
        var inBackOffice = await _api.DoAsync(id, "assign", new { departmentId = backOffice, reason = "Paperwork" });
        var atHotline = await _api.DoAsync(id, "assign", new { departmentId = hotline, reason = "Call the customer tonight" });

        var unknownCalendar = await _admin.PutAsJsonAsync($"/api/v1/departments/{backOffice}", new { name = "Back office", code = "BO", calendar = "nowhere" });
        var badName = await _admin.PutAsJsonAsync("/api/v1/calendars/Hot_Line", AllDay());
        var calendars = await (await _admin.GetAsync("/api/v1/calendars")).ReadJsonAsync();
        var inUse = await _admin.DeleteAsync("/api/v1/calendars/hotline-24x7");
        var inUseProblem = await inUse.AssertProblemAsync(HttpStatusCode.Conflict);

        // The hotline moves to the default calendar: no complaint is touched through the API, the next scan recomputes.
        await (await _admin.PutAsJsonAsync($"/api/v1/departments/{hotline}", new { name = "Hotline", code = "HL", calendar = "default" })).AssertStatusAsync(HttpStatusCode.OK);
        await RecomputeAsync();
        var afterChange = (await _api.GetAsync(id)).Body;

        Assert.Multiple(async () =>
        {
            // Registered Friday 17:00: solution within 3 working days.
            Assert.That(Clock(inBackOffice, "solutionProposed").GetProperty("calendar").GetString(), Is.EqualTo("default"));
            Assert.That(Clock(inBackOffice, "solutionProposed").GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(_friday.AddDays(5)), "Wednesday 17:00");
            Assert.That(Clock(atHotline, "solutionProposed").GetProperty("calendar").GetString(), Is.EqualTo("hotline-24x7"));
            Assert.That(Clock(atHotline, "solutionProposed").GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(_friday.AddDays(3)), "Monday 17:00: the weekend is worked");
            Assert.That(Clock(atHotline, "resolution").GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(_friday.AddDays(6)), "6 days from receipt, all worked");
            Assert.That(Clock(atHotline, "registered").GetProperty("calendar").GetString(), Is.EqualTo("default"), "met before the transfer: left as it was");
            Assert.That(calendars.EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "default", "hotline-24x7" }));
            Assert.That(calendars[1].GetProperty("departments").GetInt32(), Is.EqualTo(1));
            Assert.That(inUseProblem.GetProperty("departments").GetInt32(), Is.EqualTo(1), inUseProblem.ToString());
            var unknown = await unknownCalendar.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(unknown.GetProperty("errors").TryGetProperty("calendar", out _), Is.True, unknown.ToString());
            var refusedName = await badName.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(refusedName.GetProperty("errors").TryGetProperty("name", out _), Is.True, refusedName.ToString());
            Assert.That(Clock(afterChange, "solutionProposed").GetProperty("calendar").GetString(), Is.EqualTo("default"));
            Assert.That(Clock(afterChange, "solutionProposed").GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(_friday.AddDays(5)), "back to Wednesday");
            await (await _admin.DeleteAsync("/api/v1/calendars/hotline-24x7")).AssertStatusAsync(HttpStatusCode.NoContent);
            await (await _admin.GetAsync("/api/v1/calendars/hotline-24x7")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await _admin.DeleteAsync("/api/v1/calendars/default")).AssertProblemAsync(HttpStatusCode.Conflict);
        });
    }

    [Test]
    public async Task TheStateCouncils2026Schedule_Ships_ForReview_AndAnAdministratorEntersAYear()
    {
        var shipped = (await (await _admin.GetAsync("/api/v1/calendars/default/years/2026")).ReadJsonAsync()).GetProperty("value");
        var days = (JsonElement e) => e.EnumerateArray().Select(d => d.GetString()).ToList();

        var wrongYear = await _admin.PutAsJsonAsync("/api/v1/calendars/default/years/2027", new { holidays = new[] { "2026-12-31" }, makeUpWorkingDays = Array.Empty<string>() });
        var both = await _admin.PutAsJsonAsync("/api/v1/calendars/default/years/2027", new { holidays = new[] { "2027-02-06" }, makeUpWorkingDays = new[] { "2027-02-06" } });
        var unknown = await _admin.PutAsJsonAsync("/api/v1/calendars/nowhere/years/2027", new { holidays = Array.Empty<string>(), makeUpWorkingDays = Array.Empty<string>() });
        var entered = await _admin.PutAsJsonAsync("/api/v1/calendars/default/years/2027", new
        {
            holidays = new[] { "2027-01-01", "2027-02-05", "2027-02-08" },
            makeUpWorkingDays = new[] { "2027-02-20" },
            source = "国务院办公厅关于2027年部分节假日安排的通知",
        });

        Assert.Multiple(async () =>
        {
            Assert.That(shipped.GetProperty("source").GetString(), Does.Contain("国务院办公厅关于2026年部分节假日安排的通知"));
            Assert.That(shipped.GetProperty("reviewedAt").ValueKind, Is.EqualTo(JsonValueKind.Null), "shipped, not yet reviewed");
            Assert.That(days(shipped.GetProperty("holidays")), Has.Count.EqualTo(33).And.Contains("2026-10-01").And.Contains("2026-02-15"));
            Assert.That(days(shipped.GetProperty("makeUpWorkingDays")), Is.EqualTo(new[] { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" }));
            var wrong = await wrongYear.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(wrong.GetProperty("errors").TryGetProperty("holidays", out _), Is.True, wrong.ToString());
            var overlap = await both.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(overlap.GetProperty("errors").TryGetProperty("makeUpWorkingDays", out _), Is.True, overlap.ToString());
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
            var year = (await entered.ReadJsonAsync()).GetProperty("value");
            Assert.That(year.GetProperty("reviewedAt").GetDateTimeOffset(), Is.EqualTo(_friday));
            Assert.That(year.GetProperty("reviewedBy").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(days(year.GetProperty("makeUpWorkingDays")), Is.EqualTo(new[] { "2027-02-20" }));
        });
    }

    [Test]
    public async Task AChangedCalendar_IsFollowedByEveryOpenComplaint_ABatchAtATime_ResumingWhereTheLastBatchStopped()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _api.ReceiveAsync(ComplaintApi.NewComplaint($"水壶漏水 {i}"))).GetProperty("id").GetGuid());
        }

        await RecomputeAsync(); // the clocks as they are now are the ones the stamp describes
        async Task<List<DateTimeOffset>> ResolutionDue() =>
            [.. await Task.WhenAll(ids.Select(async id => Clock((await _api.GetAsync(id)).Body, "resolution").GetProperty("dueAt").GetDateTimeOffset()))];
        var before = await ResolutionDue();

        // The default calendar now works every day, all day: nobody touches the complaints.
        await (await _admin.PutAsJsonAsync("/api/v1/settings/calendar", AllDay())).AssertStatusAsync(HttpStatusCode.OK);
        var passes = new List<bool>();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var rescheduler = scope.ServiceProvider.GetRequiredService<SlaRescheduler>();
            for (var pass = 0; pass < 5; pass++)
            {
                passes.Add(await rescheduler.RunBatchAsync(CancellationToken.None, batchSize: 1));
            }
        }

        var after = await ResolutionDue();
        Assert.Multiple(() =>
        {
            // Received Friday 17:00: 6 working days on Monday–Friday 09:00–18:00 end the second Monday; every day worked, Thursday.
            Assert.That(before, Has.All.EqualTo(_friday.AddDays(10)));
            Assert.That(passes, Is.EqualTo(new[] { true, true, true, false, false }), "one complaint a pass, then done, then nothing to do");
            Assert.That(after, Has.All.EqualTo(_friday.AddDays(6)));
        });
    }
}
