using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Surveys;

namespace CustomerCare.Api.IntegrationTests.Feedback;

/// <summary>Feedback: new → acknowledged → in progress → answered, with the answer, the channel, improvement actions and reward points.</summary>
public class FeedbackTests : AdminIntegrationTest
{
    private async Task<HttpResponseMessage> ActAsync(Guid id, string action, object? body, bool withETag = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/feedback/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (withETag)
        {
            request.Headers.IfMatch.Add((await Admin.GetAsync($"/api/v1/feedback/{id}")).Headers.ETag!);
        }

        return await Admin.SendAsync(request);
    }

    private async Task<(Guid Customer, Guid Feedback)> SuggestionAsync(string kind = "suggestion")
    {
        var customer = await new SurveyApi(Admin).CreateCustomerAsync("Chen Jie", "chen.jie@example.com", preferredChannel: "sms");
        var created = await Admin.PostAsJsonAsync("/api/v1/feedback", new
        {
            customerId = customer, kind, channel = "webForm", subject = "SMS tracking", text = "Send me an SMS when my parcel ships.",
        });
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var body = await created.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("new"));
            Assert.That(created.Headers.Location?.ToString(), Does.EndWith(body.GetProperty("id").GetString()!));
            Assert.That(created.Headers.ETag, Is.Not.Null);
        });
        return (customer, body.GetProperty("id").GetGuid());
    }

    [Test]
    public async Task RewardPoints_AreCappedPerGrant_ByTheGrantorsAuthority_AndPerCustomerPerPeriod_AndEveryGrantIsAudited()
    {
        var customer = await new SurveyApi(Admin).CreateCustomerAsync("王芳", "wang.fang@example.com");
        using var agent = await ApiClient.AsStaffAsync("agent");

        async Task<HttpResponseMessage> AnswerAsync(HttpClient client, int points)
        {
            var created = await Admin.PostAsJsonAsync("/api/v1/feedback", new { customerId = customer, kind = "praise", channel = "webForm", subject = "好评", text = "服务很好" });
            var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
            await (await ActAsync(id, "acknowledge", null)).AssertStatusAsync(HttpStatusCode.OK);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/feedback/{id}/answer")
            {
                Content = JsonContent.Create(new { answer = "谢谢您的表扬", rewardPoints = points }),
            };
            request.Headers.IfMatch.Add((await Admin.GetAsync($"/api/v1/feedback/{id}")).Headers.ETag!);
            return await client.SendAsync(request);
        }

        // Defaults: an agent grants up to 200, anyone up to 2,000 per grant, a customer gets up to 5,000 in 30 days.
        var agentAbove = await AnswerAsync(agent, 201);
        var agentWithin = await AnswerAsync(agent, 200);
        var aboveMax = await AnswerAsync(Admin, 2_001);
        var first = await AnswerAsync(Admin, 2_000);
        var second = await AnswerAsync(Admin, 2_000);
        var pastCap = await AnswerAsync(Admin, 801);
        var upToCap = await AnswerAsync(Admin, 800);

        await agentAbove.AssertProblemAsync(HttpStatusCode.Forbidden);
        await aboveMax.AssertProblemAsync(HttpStatusCode.BadRequest);
        var capped = await pastCap.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var granted in new[] { agentWithin, first, second, upToCap })
        {
            await granted.AssertStatusAsync(HttpStatusCode.OK);
        }

        var record = await (await Admin.GetAsync($"/api/v1/customers/{customer}")).ReadJsonAsync();
        var audit = await (await Admin.GetAsync($"/api/v1/audit?customerId={customer}&action=rewardGranted")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(capped.GetProperty("errors").GetProperty("rewardPoints")[0].GetString(), Does.Contain("4200").And.Contain("800 more"));
            Assert.That(record.GetProperty("rewardPoints").GetInt32(), Is.EqualTo(5_000), "refused grants added nothing");
            Assert.That(audit.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("points").GetInt32()),
                Is.EquivalentTo(new[] { 200, 2_000, 2_000, 800 }), "every grant, and only the grants made, in the access log");
        });
    }

    [Test]
    public async Task Suggestion_GoesThroughItsStates_AndTheAcceptedOneRecordsItsImprovementAndRewardPoints()
    {
        var (customer, id) = await SuggestionAsync();

        await (await ActAsync(id, "acknowledge", null)).AssertStatusAsync(HttpStatusCode.OK);
        var started = await ActAsync(id, "start", new { });
        await started.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That((await started.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("inProgress"));

        var action = await ApiClient.PlanImprovementActionAsync("SMS on shipping (OPS-311)");
        var answered = await ActAsync(id, "answer", new
        {
            answer = "Thank you: SMS tracking goes live next month.", accepted = true, improvementActionId = action, rewardPoints = 200,
        });
        await answered.AssertStatusAsync(HttpStatusCode.OK);
        var body = await answered.ReadJsonAsync();
        var customerRecord = await (await Admin.GetAsync($"/api/v1/customers/{customer}")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("answered"));
            Assert.That(body.GetProperty("answeredVia").GetString(), Is.EqualTo("sms"), "the customer's preferred channel");
            Assert.That(body.GetProperty("accepted").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("improvementActionId").GetGuid(), Is.EqualTo(action));
            Assert.That(body.GetProperty("rewardPoints").GetInt32(), Is.EqualTo(200));
            Assert.That(body.GetProperty("handlerId").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(body.GetProperty("allowedStatuses").GetArrayLength(), Is.Zero, "answered is final");
            Assert.That(customerRecord.GetProperty("rewardPoints").GetInt32(), Is.EqualTo(200));
        });

        var again = await ActAsync(id, "acknowledge", null);
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("feedback.invalidTransition"));
            Assert.That(problem.GetProperty("currentStatus").GetString(), Is.EqualTo("answered"));
        });
    }

    [Test]
    public async Task Changes_NeedIfMatch_AndTheRulesOfAnswersHold()
    {
        var (customer, id) = await SuggestionAsync();
        await (await ActAsync(id, "acknowledge", null, withETag: false)).AssertStatusAsync(HttpStatusCode.PreconditionRequired);

        using (var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/feedback/{id}/acknowledge") { Content = JsonContent.Create(new { }) })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            await (await Admin.SendAsync(stale)).AssertStatusAsync(HttpStatusCode.PreconditionFailed);
        }

        var noAction = await ActAsync(id, "answer", new { answer = "Yes", accepted = true });
        await noAction.AssertStatusAsync(HttpStatusCode.BadRequest);
        var undecided = await ActAsync(id, "answer", new { answer = "We will see." });
        Assert.That((await undecided.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("feedback.acceptanceRequired"));

        var (_, praise) = await SuggestionAsync("praise");
        var accepted = await ActAsync(praise, "answer", new { answer = "Thanks!", accepted = true, improvementActionId = await ApiClient.PlanImprovementActionAsync() });
        await accepted.AssertStatusAsync(HttpStatusCode.Conflict);
        var thanked = await ActAsync(praise, "answer", new { answer = "Thank you for the kind words.", via = "email" });
        await thanked.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That((await thanked.ReadJsonAsync()).GetProperty("answeredVia").GetString(), Is.EqualTo("email"));

        var list = await (await Admin.GetAsync($"/api/v1/feedback?customerId={customer}&status=new")).ReadJsonAsync();
        Assert.That(list.GetProperty("totalCount").GetInt32(), Is.EqualTo(1), "the suggestion is still new");
        await (await Admin.GetAsync("/api/v1/feedback?status=closedForever")).AssertStatusAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Receive_ForAnUnknownCustomer_IsAFieldError()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/feedback", new { customerId = Guid.NewGuid(), kind = "idea", channel = "phone", subject = "s", text = "t" });
        Assert.That((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("customerId", out _), Is.True);
    }
}

/// <summary>Care tasks: scheduled contacts with a due day, an owner and an outcome; lists of mine, due today, overdue.</summary>
public class CareTaskTests : AdminIntegrationTest
{
    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private async Task<JsonElement> CreateAsync(Guid customer, DateOnly dueOn, Guid? ownerId, string subject)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/care-tasks", new { kind = "keyCustomerContact", customerId = customer, ownerId, dueOn, subject });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    private static async Task<List<string>> SubjectsAsync(HttpClient client, string query) =>
        (await (await client.GetAsync($"/api/v1/care-tasks?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("subject").GetString()!).ToList();

    [Test]
    public async Task Lists_ShowMyTasks_DueToday_AndOverdue()
    {
        var customer = await new SurveyApi(Admin).CreateCustomerAsync("Key Customer", "key@example.com", "vip");
        var (agentId, agentEmail) = await ApiClient.CreateStaffAsync("agent");
        using var agent = ApiClient.WithBearer(await ApiClient.SignInAsync(agentEmail, ApiClient.StaffPassword));
        var today = Today();
        await CreateAsync(customer, today.AddDays(-2), agentId, "late call");
        await CreateAsync(customer, today, agentId, "today's call");
        await CreateAsync(customer, today, null, "unowned today");
        await CreateAsync(customer, today.AddDays(3), agentId, "later call");
        var done = await CreateAsync(customer, today.AddDays(-5), agentId, "done long ago");
        using (var complete = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/care-tasks/{done.GetProperty("id").GetGuid()}/complete")
        {
            Content = JsonContent.Create(new { result = "satisfied", outcome = "All good." }),
        })
        {
            complete.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{done.GetProperty("version").GetUInt32()}\""));
            await (await agent.SendAsync(complete)).AssertStatusAsync(HttpStatusCode.OK);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await SubjectsAsync(agent, "view=mine"), Is.EqualTo(new[] { "late call", "today's call", "later call" }), "open, soonest first");
            Assert.That(await SubjectsAsync(agent, "view=dueToday"), Is.EquivalentTo(new[] { "today's call", "unowned today" }));
            Assert.That(await SubjectsAsync(agent, "view=overdue"), Is.EqualTo(new[] { "late call" }), "done tasks are not overdue");
            Assert.That(await SubjectsAsync(Admin, "view=mine"), Is.Empty, "the admin owns none");
            Assert.That(await SubjectsAsync(Admin, "status=done"), Is.EqualTo(new[] { "done long ago" }));
        });
    }

    [Test]
    public async Task Task_CompletesOnce_CancelNeedsAReason_AndRescheduleMovesIt()
    {
        var customer = await new SurveyApi(Admin).CreateCustomerAsync("Key Customer", "key@example.com", "vip");
        var task = await CreateAsync(customer, Today(), null, "call");
        var id = task.GetProperty("id").GetGuid();

        async Task<HttpResponseMessage> Act(string action, object body, bool withETag = true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/care-tasks/{id}/{action}") { Content = JsonContent.Create(body) };
            if (withETag)
            {
                request.Headers.IfMatch.Add((await Admin.GetAsync($"/api/v1/care-tasks/{id}")).Headers.ETag!);
            }

            return await Admin.SendAsync(request);
        }

        await (await Act("complete", new { result = "reached" }, withETag: false)).AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        var moved = await Act("schedule", new { ownerId = (Guid?)null, dueOn = Today().AddDays(1) });
        await moved.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That((await moved.ReadJsonAsync()).GetProperty("dueOn").GetString(), Is.EqualTo(Today().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        await (await Act("cancel", new { reason = "" })).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await Act("complete", new { result = "notReached", outcome = "No answer; voicemail left." })).AssertStatusAsync(HttpStatusCode.OK);
        var again = await Act("complete", new { result = "reached" });
        Assert.That((await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("careTask.notOpen"));
        await (await Act("complete", new { result = "ecstatic" })).AssertStatusAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WithUnknownCustomerOrOwnerOrAnotherCustomersComplaint_IsAFieldError()
    {
        var customer = await new SurveyApi(Admin).CreateCustomerAsync("Key Customer", "key@example.com", "vip");
        var bad = await Admin.PostAsJsonAsync("/api/v1/care-tasks", new { kind = "greeting", customerId = customer, ownerId = Guid.NewGuid(), dueOn = Today(), subject = "Happy new year" });
        await bad.AssertStatusAsync(HttpStatusCode.BadRequest);
        var foreignComplaint = await Admin.PostAsJsonAsync("/api/v1/care-tasks", new { kind = "followUpCall", customerId = customer, complaintId = Guid.NewGuid(), dueOn = Today(), subject = "x" });
        await foreignComplaint.AssertStatusAsync(HttpStatusCode.BadRequest);
        var noDay = await Admin.PostAsJsonAsync("/api/v1/care-tasks", new { kind = "greeting", customerId = customer, subject = "x" });
        await noDay.AssertStatusAsync(HttpStatusCode.BadRequest);
    }
}
