using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Api.IntegrationTests.ImprovementActions;

/// <summary>
/// Improvement actions (CAPA): planned with an owner and a due day, traced to complaints, feedback, surveys and incidents,
/// moved on by their owner, overdue ones shown to them and in a report, and an effect review that compares the complaint
/// rate of their category before and after — checked here against numbers worked out by hand.
/// </summary>
public class ImprovementActionTests : AdminIntegrationTest
{
    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, EntityTagHeaderValue? etag, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<EntityTagHeaderValue> ETagAsync(HttpClient client, Guid id) =>
        (await client.GetAsync($"/api/v1/improvement-actions/{id}")).Headers.ETag!;

    private static async Task<JsonElement> MoveAsync(HttpClient client, Guid id, string step, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await SendAsync(client, HttpMethod.Post, $"/api/v1/improvement-actions/{id}/{step}", body, await ETagAsync(client, id), expected);

    private static async Task ReceiveAsync(HttpClient client, string category, int n)
    {
        var response = await client.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "phone", customer = new { name = $"客户{n}", phone = $"137 {n / 10000:0000} {n % 10000:0000}" },
            title = "光猫频繁掉线", description = "每天晚上掉线三四次。", category,
        });
        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task TheEffectReview_ComparesTheComplaintRateOfItsCategory_BeforeAndAfter_AsWorkedOutByHand()
    {
        // Review period 30 days, rate basis 2,000 (per 1,000: a complaint is 0.5), effective when the rate falls by 20 %.
        var start = DateTimeOffset.UtcNow.AddDays(-100);
        var clock = new FakeTimeProvider(start);
        await using var host = Testing.Factory.WithWebHostBuilder(b => b
            .UseSetting("CustomerCare:Improvement:ReviewAfterDays", "30")
            .UseSetting("CustomerCare:Reports:ComplaintRateBase", "2000")
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        var owner = await ApiClient.CreateStaffAsync("agent");

        await ReceiveAsync(admin, "technicalFault", 1); // day 0: 35 days before it is done, outside the window
        clock.Advance(TimeSpan.FromDays(15));
        var action = (await SendAsync(admin, HttpMethod.Post, "/api/v1/improvement-actions", new
        {
            title = "光猫固件升级到 V2.3", ownerId = owner.Id, dueOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(10), category = "technicalFault",
        }, null, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        for (var i = 0; i < 10; i++)
        {
            await ReceiveAsync(admin, "technicalFault", 100 + i); // days 15–24: before
            await ReceiveAsync(admin, "productQuality", 200 + i);  // another category: never counted
            clock.Advance(TimeSpan.FromDays(1));
        }

        clock.Advance(TimeSpan.FromDays(10)); // day 35
        await MoveAsync(admin, action, "start", new { });
        var done = await MoveAsync(admin, action, "complete", new { note = "已推送到全部光猫。" });
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromDays(2));
            await ReceiveAsync(admin, "technicalFault", 300 + i); // days 37–43: after
        }

        clock.Advance(TimeSpan.FromDays(20)); // day 63: the review is due on day 65
        var early = await MoveAsync(admin, action, "review", new { }, HttpStatusCode.Conflict);
        clock.Advance(TimeSpan.FromDays(3)); // day 66
        await ReceiveAsync(admin, "technicalFault", 400); // after the after-window: not counted
        var reviewed = await MoveAsync(admin, action, "review", new { note = "掉线投诉明显下降。" });
        var review = reviewed.GetProperty("review");

        Assert.Multiple(() =>
        {
            Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("done"));
            Assert.That(done.GetProperty("reviewDueAt").GetDateTimeOffset(), Is.EqualTo(done.GetProperty("doneAt").GetDateTimeOffset().AddDays(30)));
            Assert.That(early.GetProperty("code").GetString(), Is.EqualTo("improvementAction.reviewNotDue"));
            Assert.That(early.GetProperty("reviewDueAt").GetDateTimeOffset(), Is.EqualTo(done.GetProperty("reviewDueAt").GetDateTimeOffset()).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(review.GetProperty("beforeCount").GetInt32(), Is.EqualTo(10), "days 5–35 before it was done: the ten of days 15–24, not day 0's");
            Assert.That(review.GetProperty("afterCount").GetInt32(), Is.EqualTo(4), "days 35–65: the four of days 37–43, not day 66's");
            Assert.That(review.GetProperty("rateBasis").GetInt64(), Is.EqualTo(2000));
            Assert.That(review.GetProperty("beforeRate").GetDouble(), Is.EqualTo(5.0), "10 × 1,000 / 2,000");
            Assert.That(review.GetProperty("afterRate").GetDouble(), Is.EqualTo(2.0), "4 × 1,000 / 2,000");
            Assert.That(review.GetProperty("change").GetDouble(), Is.EqualTo(-0.6), "(4 − 10) / 10");
            Assert.That(review.GetProperty("requiredReduction").GetDouble(), Is.EqualTo(0.2));
            Assert.That(review.GetProperty("effective").GetBoolean(), Is.True, "fell by 60 %, at least the 20 % required");
            Assert.That(review.GetProperty("note").GetString(), Is.EqualTo("掉线投诉明显下降。"));
            Assert.That(reviewed.GetProperty("status").GetString(), Is.EqualTo("effective"));
            Assert.That(reviewed.GetProperty("allowedStatuses").GetArrayLength(), Is.EqualTo(0), "a reviewed action is final");
        });
    }

    [Test]
    public async Task AnActionTracedToWhatItAnswers_IsMovedOnByItsOwner_ShownToThemWhenOverdue_AndInTheReportAndTheHotspots()
    {
        var (ownerId, ownerEmail) = await ApiClient.CreateStaffAsync("agent");
        using var owner = ApiClient.WithBearer(await ApiClient.SignInAsync(ownerEmail, ApiClient.StaffPassword));
        using var otherAgent = await ApiClient.AsStaffAsync("agent");
        var complaints = new ComplaintApi(Admin);
        var complaint = (await complaints.ReceiveAsync(ComplaintApi.NewComplaint("光猫掉线", category: "technicalFault"))).GetProperty("id").GetGuid();
        await complaints.DoAsync(complaint, "register", new { category = "technicalFault", severity = "general", customerAcknowledged = true });
        var incident = (await SendAsync(Admin, HttpMethod.Post, "/api/v1/incidents", new { title = "光猫批次故障", cause = "terminal" }, null, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var customer = (await complaints.GetAsync(complaint)).Body.GetProperty("customerId").GetGuid();
        var feedback = (await SendAsync(Admin, HttpMethod.Post, "/api/v1/feedback",
            new { customerId = customer, kind = "suggestion", channel = "phone", subject = "固件", text = "建议自动升级光猫固件" }, null, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);

        var action = await SendAsync(Admin, HttpMethod.Post, "/api/v1/improvement-actions", new
        {
            title = "光猫固件自动升级", ownerId, dueOn = yesterday, category = "technicalFault", cause = "terminal",
            complaintIds = new[] { complaint }, incidentIds = new[] { incident },
        }, null, HttpStatusCode.Created);
        var id = action.GetProperty("id").GetGuid();
        var feedbackEtag = (await Admin.GetAsync($"/api/v1/feedback/{feedback}")).Headers.ETag!;
        var answered = await SendAsync(Admin, HttpMethod.Post, $"/api/v1/feedback/{feedback}/answer",
            new { answer = "谢谢，我们会自动升级固件。", accepted = true, improvementActionId = id }, feedbackEtag, HttpStatusCode.OK);
        var investigated = await complaints.DoAsync(complaint, "investigation",
            new { findings = "固件缺陷", cause = "terminal", isGenuine = true, improvementActionId = id });

        var byOtherAgent = await MoveAsync(otherAgent, id, "start", new { }, HttpStatusCode.Forbidden);
        var mine = await (await owner.GetAsync("/api/v1/improvement-actions?view=mine&overdue=true")).ReadJsonAsync();
        var tracedToFeedback = await (await Admin.GetAsync($"/api/v1/improvement-actions?tracedTo=feedback&targetId={feedback}")).ReadJsonAsync();
        var report = await (await Admin.GetAsync("/api/v1/reports/improvement-actions/overdue")).ReadJsonAsync();
        var hotspots = await (await Admin.GetAsync("/api/v1/reports/complaints/hotspots")).ReadJsonAsync();
        var started = await MoveAsync(owner, id, "start", new { });
        var noEtag = await owner.PostAsJsonAsync($"/api/v1/improvement-actions/{id}/complete", new { });
        var done = await MoveAsync(owner, id, "complete", new { note = "已上线" });
        var againDone = await MoveAsync(owner, id, "start", new { }, HttpStatusCode.Conflict);
        var replanDone = await SendAsync(Admin, HttpMethod.Put, $"/api/v1/improvement-actions/{id}",
            new { title = "x", ownerId, dueOn = yesterday }, await ETagAsync(Admin, id), HttpStatusCode.Conflict);
        var reviewByOwner = await MoveAsync(owner, id, "review", new { }, HttpStatusCode.Forbidden);
        var afterDone = await (await owner.GetAsync("/api/v1/improvement-actions?view=mine&overdue=true")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(action.GetProperty("status").GetString(), Is.EqualTo("planned"));
            Assert.That(action.GetProperty("overdue").GetBoolean(), Is.True, "open past its due day");
            Assert.That(action.GetProperty("complaintIds").EnumerateArray().Select(e => e.GetGuid()), Is.EqualTo(new[] { complaint }));
            Assert.That(action.GetProperty("incidentIds").EnumerateArray().Select(e => e.GetGuid()), Is.EqualTo(new[] { incident }));
            Assert.That(answered.GetProperty("improvementActionId").GetGuid(), Is.EqualTo(id), "the accepted suggestion names its action");
            Assert.That(investigated.GetProperty("investigation").GetProperty("improvementActionId").GetGuid(), Is.EqualTo(id));
            Assert.That(byOtherAgent.GetProperty("status").GetInt32(), Is.EqualTo(403), "an agent who does not own it does not move it");
            Assert.That(mine.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()), Is.EqualTo(new[] { id }), "the owner sees it overdue");
            Assert.That(tracedToFeedback.GetProperty("items").EnumerateArray().Single().GetProperty("feedbackIds").EnumerateArray().Select(e => e.GetGuid()),
                Is.EqualTo(new[] { feedback }), "answering the feedback traced the action to it");
            Assert.That(report.GetProperty("overdue").GetInt32(), Is.EqualTo(1));
            Assert.That(report.GetProperty("actions")[0].GetProperty("daysOverdue").GetInt32(), Is.EqualTo(2).Or.EqualTo(3),
                "two days by UTC; counted on the calendar's day in Shanghai, which from 16:00 UTC is already the next one: three");
            Assert.That(report.GetProperty("actions")[0].GetProperty("ownerName").GetString(), Is.Not.Empty);
            Assert.That(hotspots.GetProperty("categories").GetProperty("byVolume").EnumerateArray()
                .Single(h => h.GetProperty("key").GetString() == "technicalFault").GetProperty("actions")[0].GetProperty("status").GetString(),
                Is.EqualTo("planned"), "the hotspot shows it has an action and where it stands");
            Assert.That(started.GetProperty("status").GetString(), Is.EqualTo("inProgress"));
            Assert.That((int)noEtag.StatusCode, Is.EqualTo(428));
            Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("done"));
            Assert.That(done.GetProperty("overdue").GetBoolean(), Is.False, "done is not overdue");
            Assert.That(againDone.GetProperty("allowedStatuses").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(new[] { "effective", "notEffective" }));
            Assert.That(replanDone.GetProperty("code").GetString(), Is.EqualTo("improvementAction.notOpen"));
            Assert.That(reviewByOwner.GetProperty("status").GetInt32(), Is.EqualTo(403), "an agent owner does not judge their own action's effect");
            Assert.That(afterDone.GetProperty("items").GetArrayLength(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task WrongInput_IsA400NamingTheField()
    {
        var owner = await ApiClient.CreateStaffAsync("agent");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        async Task<string> BadAsync(object body)
        {
            var response = await Admin.PostAsJsonAsync("/api/v1/improvement-actions", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(400), text);
            return text;
        }

        var noOwner = await BadAsync(new { title = "x", dueOn = due });
        var unknownOwner = await BadAsync(new { title = "x", ownerId = Guid.NewGuid(), dueOn = due });
        var unknownCause = await BadAsync(new { title = "x", ownerId = owner.Id, dueOn = due, cause = "noSuchCause" });
        var unknownComplaint = await BadAsync(new { title = "x", ownerId = owner.Id, dueOn = due, complaintIds = new[] { Guid.NewGuid() } });
        var noDue = await BadAsync(new { title = "x", ownerId = owner.Id });
        var halfFilter = await Admin.GetAsync("/api/v1/improvement-actions?tracedTo=complaint");
        var feedback = await Admin.PostAsJsonAsync("/api/v1/feedback", new
        {
            customerId = (await (await Admin.PostAsJsonAsync("/api/v1/customers", new { name = "王芳", contactPoints = new[] { new { kind = "phone", value = "138 0000 1111", isPrimary = true } } })).ReadJsonAsync()).GetProperty("id").GetGuid(),
            kind = "suggestion", channel = "phone", subject = "建议", text = "建议增加夜间客服",
        });
        var feedbackId = (await feedback.ReadJsonAsync()).GetProperty("id").GetGuid();
        var unknownAction = await SendAsync(Admin, HttpMethod.Post, $"/api/v1/feedback/{feedbackId}/answer",
            new { answer = "好的", accepted = true, improvementActionId = Guid.NewGuid() }, feedback.Headers.ETag, HttpStatusCode.BadRequest);
        var missingAction = await SendAsync(Admin, HttpMethod.Post, $"/api/v1/feedback/{feedbackId}/answer",
            new { answer = "好的", accepted = true }, (await Admin.GetAsync($"/api/v1/feedback/{feedbackId}")).Headers.ETag, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(noOwner, Does.Contain("\"ownerId\""));
            Assert.That(unknownOwner, Does.Contain("\"ownerId\""));
            Assert.That(unknownCause, Does.Contain("\"cause\""));
            Assert.That(unknownComplaint, Does.Contain("\"complaintIds\""));
            Assert.That(noDue, Does.Contain("\"dueOn\""));
            Assert.That((int)halfFilter.StatusCode, Is.EqualTo(400), "a link filter names what it is traced to and which one");
            Assert.That(unknownAction.GetProperty("errors").TryGetProperty("improvementActionId", out _), Is.True);
            Assert.That(missingAction.GetProperty("errors").TryGetProperty("improvementActionId", out _), Is.True);
        });
    }
}
