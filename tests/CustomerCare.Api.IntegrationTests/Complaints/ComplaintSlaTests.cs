using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Sla;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>Service-level clocks over HTTP, with the API's clock under the test's control and an around-the-clock calendar.</summary>
public class ComplaintSlaTests : IntegrationTest
{
    private static WebApplicationFactory<Program> AroundTheClock(FakeTimeProvider clock) =>
        Testing.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    /// <summary>An administrator sets an around-the-clock calendar in UTC, through the API, on the host under test.</summary>
    private static async Task<HttpClient> SignedInWithAroundTheClockCalendarAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            await ApiClient.SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));
        var allDay = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new[] { "00:00-24:00" });
        var response = await client.PutAsJsonAsync("/api/v1/settings/calendar",
            new { timeZone = "UTC", workingHours = allDay, holidays = Array.Empty<string>(), makeUpWorkingDays = Array.Empty<string>() });
        await response.AssertStatusAsync(System.Net.HttpStatusCode.OK);
        return client;
    }

    private static async Task<SlaScanResult> ScanAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaScanner>().ScanOnceAsync(CancellationToken.None);
    }

    private FakeTimeProvider _clock = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private ComplaintApi _api = null!;

    /// <summary>
    /// Each test gets a host whose clock it moves, with an around-the-clock UTC calendar set by an administrator; the
    /// token is issued before the clock moves on (its validation follows the real clock).
    /// </summary>
    [SetUp]
    public async Task StartHostAsync()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = AroundTheClock(_clock);
        _client = await SignedInWithAroundTheClockCalendarAsync(_factory);
        _api = new ComplaintApi(_client);
    }

    [TearDown]
    public async Task StopHostAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task TwoScannersAtOnce_RecordEachBreachAndEscalationExactlyOnce()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await _api.ReceiveAsync(ComplaintApi.NewComplaint($"Complaint {i}"))).GetProperty("id").GetGuid());
        }

        _clock.Advance(TimeSpan.FromMinutes(50));
        var atRisk = await Task.WhenAll(ScanAsync(_factory), ScanAsync(_factory));
        var atRiskAgain = await ScanAsync(_factory);
        var atRiskLater = await ScanAsync(_factory);
        Assert.Multiple(() =>
        {
            Assert.That(atRisk.Sum(r => r.AtRisk) + atRiskAgain.AtRisk, Is.EqualTo(6), "each clock noted at risk");
            Assert.That(atRiskLater.AtRisk, Is.Zero, "and only once");
        });

        _clock.Advance(TimeSpan.FromMinutes(20));
        var results = (await Task.WhenAll(ScanAsync(_factory), ScanAsync(_factory), ScanAsync(_factory))).ToList();
        results.Add(await ScanAsync(_factory));
        results.Add(await ScanAsync(_factory));

        Assert.That(results.Sum(r => r.Breaches), Is.EqualTo(6), "one breach per clock, whoever recorded it");
        foreach (var id in ids)
        {
            var complaint = (await _api.GetAsync(id)).Body;
            var kinds = await _api.TimelineKindsAsync(id);
            Assert.Multiple(() =>
            {
                Assert.That(complaint.GetProperty("escalationLevel").GetInt32(), Is.EqualTo(1));
                Assert.That(kinds.Count(k => k == "slaBreached"), Is.EqualTo(1));
                Assert.That(kinds.Count(k => k == "slaAtRisk"), Is.EqualTo(1));
            });
        }
    }

    [Test]
    public async Task MeetingAMilestoneInTime_StopsItsClock_NoBreachFollows()
    {
        var id = (await _api.ReceiveAsync()).GetProperty("id").GetGuid();
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _api.DoAsync(id, "register", new { category = "other", severity = "general" });
        await _api.DoAsync(id, "assign", new { assigneeId = (await ApiClient.CreateStaffAsync("agent")).Id, reason = "Mine" });

        _clock.Advance(TimeSpan.FromHours(3));
        var scan = await ScanAsync(_factory);

        var complaint = (await _api.GetAsync(id)).Body;
        var states = complaint.GetProperty("sla").EnumerateArray().ToDictionary(c => c.GetProperty("milestone").GetString()!, c => c.GetProperty("state").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(scan.Breaches, Is.Zero);
            Assert.That(states["registered"], Is.EqualTo("met"));
            Assert.That(states["assigned"], Is.EqualTo("met"));
            Assert.That(states["firstContact"], Is.EqualTo("pending"), "24 hours have not passed");
            Assert.That(complaint.GetProperty("escalationLevel").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task AComplaintLeftAlone_GoesAtRiskThenBreaches_AndShowsInTheSlaQueries()
    {
        var received = await _api.ReceiveAsync();
        var id = received.GetProperty("id").GetGuid();

        static JsonElement Registration(JsonElement complaint) =>
            complaint.GetProperty("sla").EnumerateArray().Single(c => c.GetProperty("milestone").GetString() == "registered");
        async Task<List<Guid>> Listed(string query) =>
            (await (await _client.GetAsync($"/api/v1/complaints?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Registration(received).GetProperty("state").GetString(), Is.EqualTo("pending"));
            Assert.That(Registration(received).GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(_clock.GetUtcNow().AddHours(1)).Within(TimeSpan.FromSeconds(1)));
        });

        _clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Multiple(async () =>
        {
            Assert.That(Registration((await _api.GetAsync(id)).Body).GetProperty("state").GetString(), Is.EqualTo("atRisk"));
            Assert.That(await Listed("sla=atRisk"), Is.EqualTo(new[] { id }));
            Assert.That(await Listed("sla=breached"), Is.Empty);
        });

        _clock.Advance(TimeSpan.FromMinutes(15));
        var byDepartment = await (await _client.GetAsync("/api/v1/complaints/sla/by-department")).ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(Registration((await _api.GetAsync(id)).Body).GetProperty("state").GetString(), Is.EqualTo("breached"));
            Assert.That(await Listed("sla=breached"), Is.EqualTo(new[] { id }));
            Assert.That(await Listed("overdue=true"), Is.EqualTo(new[] { id }));
            Assert.That(byDepartment.EnumerateArray().Single().GetProperty("breached").GetInt32(), Is.EqualTo(1));
        });

        var registered = await _api.DoAsync(id, "register", new { category = "other", severity = "general" });
        Assert.Multiple(async () =>
        {
            Assert.That(Registration(registered).GetProperty("state").GetString(), Is.EqualTo("metLate"));
            Assert.That(registered.GetProperty("sla").EnumerateArray().Select(c => c.GetProperty("milestone").GetString()),
                Is.EqualTo(new[] { "registered", "assigned", "firstContact", "solutionProposed", "resolution" }));
            Assert.That(await Listed("sla=breached"), Is.Empty);
        });
    }

    [Test]
    public async Task PausedClocks_DoNotBreach_AndResumeWithTheirDueTimeMovedOn()
    {
        var received = await _api.ReceiveAsync();
        var id = received.GetProperty("id").GetGuid();
        var due = received.GetProperty("sla")[0].GetProperty("dueAt").GetDateTimeOffset();

        var paused = await _api.DoAsync(id, "sla/pause", new { reason = "waitingForCustomer", comment = "Asked for the receipt" });
        Assert.Multiple(() =>
        {
            Assert.That(paused.GetProperty("sla")[0].GetProperty("pauseReason").GetString(), Is.EqualTo("waitingForCustomer"));
            Assert.That(paused.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Does.Contain("resumeSla").And.Not.Contain("pauseSla"));
        });

        _clock.Advance(TimeSpan.FromHours(5));
        Assert.That((await ScanAsync(_factory)).Breaches, Is.Zero, "a paused clock does not breach");

        var resumed = await _api.DoAsync(id, "sla/resume", new { });
        var registration = resumed.GetProperty("sla")[0];
        Assert.Multiple(() =>
        {
            Assert.That(registration.GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(due.AddHours(5)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(registration.GetProperty("state").GetString(), Is.EqualTo("pending"));
        });
    }

    [Test]
    public async Task Reclassifying_AsMajor_MovesTheSolutionDueTime()
    {
        var id = (await _api.ReceiveAsync()).GetProperty("id").GetGuid();
        var registered = await _api.DoAsync(id, "register", new { category = "other", severity = "general" });

        var major = await _api.DoAsync(id, "classification", new { category = "fraud", severity = "major", reason = "Card fraud" });

        static DateTimeOffset SolutionDue(System.Text.Json.JsonElement c) => c.GetProperty("sla").EnumerateArray()
            .Single(k => k.GetProperty("milestone").GetString() == "solutionProposed").GetProperty("dueAt").GetDateTimeOffset();
        Assert.Multiple(async () =>
        {
            Assert.That(SolutionDue(major) - SolutionDue(registered), Is.EqualTo(TimeSpan.FromDays(2)).Within(TimeSpan.FromSeconds(1)), "5 days instead of 3");
            Assert.That(major.GetProperty("severity").GetString(), Is.EqualTo("major"));
            Assert.That((await _api.TimelineKindsAsync(id)).Last(), Is.EqualTo("reclassified"));
        });
    }

    [Test]
    public async Task AComplaintLeftAloneAfterRegistration_BreachesEachMilestoneInTurn_OnceEach()
    {
        var id = (await _api.ReceiveAsync()).GetProperty("id").GetGuid();
        await _api.DoAsync(id, "register", new { category = "other", severity = "general" });

        async Task<(int Level, List<string> Breached)> AfterAsync(TimeSpan wait)
        {
            _clock.Advance(wait);
            await ScanAsync(_factory);
            await ScanAsync(_factory);
            var complaint = (await _api.GetAsync(id)).Body;
            return (complaint.GetProperty("escalationLevel").GetInt32(),
                complaint.GetProperty("sla").EnumerateArray().Where(c => c.GetProperty("state").GetString() == "breached")
                    .Select(c => c.GetProperty("milestone").GetString()!).ToList());
        }

        var twoHours = await AfterAsync(TimeSpan.FromHours(2.1));     // assigned: PT2H
        var oneDay = await AfterAsync(TimeSpan.FromHours(22));        // first contact: PT24H
        var threeDays = await AfterAsync(TimeSpan.FromDays(2));       // solution proposed: P3D
        var sevenDays = await AfterAsync(TimeSpan.FromDays(4));       // resolved end to end: P6D from receipt
        var later = await AfterAsync(TimeSpan.FromDays(10));          // nothing more to miss

        Assert.Multiple(async () =>
        {
            Assert.That(twoHours.Breached, Is.EqualTo(new[] { "assigned" }));
            Assert.That(twoHours.Level, Is.EqualTo(1));
            Assert.That(oneDay.Breached, Is.EquivalentTo(new[] { "assigned", "firstContact" }));
            Assert.That(oneDay.Level, Is.EqualTo(2));
            Assert.That(threeDays.Breached, Is.EquivalentTo(new[] { "assigned", "firstContact", "solutionProposed" }));
            Assert.That(threeDays.Level, Is.EqualTo(3));
            Assert.That(sevenDays.Breached, Is.EquivalentTo(new[] { "assigned", "firstContact", "solutionProposed", "resolution" }));
            Assert.That(sevenDays.Level, Is.EqualTo(4));
            Assert.That(later.Level, Is.EqualTo(4), "each breach is recorded once");
            Assert.That((await _api.TimelineKindsAsync(id)).Count(k => k == "slaBreached"), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task ASolutionStepPastItsDueTime_MakesTheComplaintOverdue_UntilItIsMarkedDone_WithWhoAndWhen()
    {
        var id = (await _api.ReceiveAsync()).GetProperty("id").GetGuid();
        var agent = await ApiClient.CreateStaffAsync("agent");
        await _api.DoAsync(id, "register", new { category = "other", severity = "general" });
        await _api.DoAsync(id, "assign", new { assigneeId = agent.Id, reason = "Mine" });
        await _api.DoAsync(id, "contacts", new { channel = "phone", direction = "outbound", summary = "Called back" });
        await _api.DoAsync(id, "investigation", new { findings = "Seal faulty", cause = "terminal", isGenuine = true });
        var now = _clock.GetUtcNow();
        var proposed = await _api.DoAsync(id, "solution", new
        {
            summary = "Replace the kettle",
            communicatedVia = "phone",
            steps = new[]
            {
                new { description = "Ship a new kettle", dueAt = now.AddHours(1) },
                new { description = "Collect the old one", dueAt = now.AddHours(5) },
            },
        });
        async Task<List<Guid>> Overdue() =>
            (await (await _client.GetAsync("/api/v1/complaints?overdue=true")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();
        async Task<JsonElement> OpenBreaches() => await (await _client.GetAsync("/api/v1/reports/complaints/open-breaches")).ReadJsonAsync();

        var inTime = await Overdue();
        _clock.Advance(TimeSpan.FromHours(2));
        var late = await Overdue();
        var report = await OpenBreaches();
        var firstDone = await _api.DoAsync(id, "solution/steps/1/done", new { });
        var afterFirst = await Overdue();
        _clock.Advance(TimeSpan.FromHours(4));
        var secondLate = await Overdue();
        await _api.DoAsync(id, "solution/steps/2/done", new { });
        var again = await _api.ActAsync(id, "solution/steps/2/done", new { });
        var missing = await _api.ActAsync(id, "solution/steps/3/done", new { });

        Assert.Multiple(async () =>
        {
            Assert.That(proposed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Does.Contain("completeSolutionStep"));
            Assert.That(inTime, Is.Empty);
            Assert.That(late, Is.EqualTo(new[] { id }), "step 1 was due an hour ago");
            Assert.That(report.GetProperty("complaints").GetInt32(), Is.EqualTo(1));
            Assert.That(report.GetProperty("departments")[0].GetProperty("overdueSolutionSteps").GetInt32(), Is.EqualTo(1));
            Assert.That(report.GetProperty("departments")[0].GetProperty("milestones").GetArrayLength(), Is.Zero, "no clock is late: only the step");
            var step = firstDone.GetProperty("solution").GetProperty("steps")[0];
            Assert.That(step.GetProperty("done").GetBoolean(), Is.True);
            Assert.That(step.GetProperty("doneAt").GetDateTimeOffset(), Is.EqualTo(now.AddHours(2)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(step.GetProperty("doneBy").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(afterFirst, Is.Empty, "step 2 is not due yet");
            Assert.That(secondLate, Is.EqualTo(new[] { id }), "step 2 was due an hour ago");
            Assert.That(await Overdue(), Is.Empty);
            await again.AssertProblemAsync(System.Net.HttpStatusCode.Conflict);
            await missing.AssertProblemAsync(System.Net.HttpStatusCode.NotFound);
            Assert.That((await _api.TimelineKindsAsync(id)).Count(k => k == "solutionStepDone"), Is.EqualTo(2));
        });
    }
}
