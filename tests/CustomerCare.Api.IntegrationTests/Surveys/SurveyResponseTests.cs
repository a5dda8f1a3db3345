using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;

namespace CustomerCare.Api.IntegrationTests.Surveys;

/// <summary>The customer's link: read freely, answered once, until it expires; and the version it asks never changes.</summary>
public class SurveyResponseTests : AdminIntegrationTest
{
    private static readonly object[] FullAnswers =
    [
        new { questionKey = "overall", score = 4 },
        new { questionKey = "speed", score = 5 },
        new { questionKey = "contact", choice = "Chat" },
    ];

    private async Task<(Guid SurveyId, Guid CampaignId, string Token)> OneInvitationAsync()
    {
        var api = new SurveyApi(Admin);
        var surveyId = await api.CreateSurveyAsync();
        var customer = await api.CreateCustomerAsync("Wang Fang", "wang.fang@example.com");
        var campaign = await api.CreateCampaignAsync(new { surveyId, name = "Once", schedule = "once", customerIds = new[] { customer } });
        var campaignId = campaign.GetProperty("id").GetGuid();
        await SurveyApi.RunCampaignsAsync();
        return (surveyId, campaignId, (await api.InvitationsAsync(campaignId)).Single().GetProperty("token").GetString()!);
    }

    [Test]
    public async Task Link_ReadManyTimes_RecordsNothing_ThenAcceptsOneSubmissionOnly()
    {
        var (surveyId, _, token) = await OneInvitationAsync();
        using var anonymous = ApiClient.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var form = await anonymous.GetAsync($"/api/v1/survey-responses/{token}");
            await form.AssertStatusAsync(HttpStatusCode.OK);
            Assert.That(form.Headers.CacheControl?.NoStore, Is.True);
        }

        var before = await new SurveyApi(Admin).AnalysisAsync(surveyId);
        Assert.That(before.GetProperty("responses").GetProperty("answered").GetInt32(), Is.Zero, "reading the form answered nothing");

        var first = await SurveyApi.AnswerAsync(token, FullAnswers);
        await first.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That((await first.ReadJsonAsync()).GetProperty("answeredAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.String));

        var second = await SurveyApi.AnswerAsync(token, new { questionKey = "overall", score = 1 }, new { questionKey = "speed", score = 1 });
        Assert.That((await second.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("survey.alreadyAnswered"));

        var after = await new SurveyApi(Admin).AnalysisAsync(surveyId);
        var overall = after.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "overall");
        Assert.That(overall.GetProperty("mean").GetDouble(), Is.EqualTo(4.0), "the first answers stand");
    }

    [Test]
    public async Task Link_PastItsExpiry_IsGone_ForReadingAndAnswering()
    {
        var (_, _, token) = await OneInvitationAsync();
        await Dispatch.ScalarAsync("UPDATE survey_invitations SET expires_at = now() - interval '1 minute' RETURNING 1");
        using var anonymous = ApiClient.CreateClient();

        var form = await anonymous.GetAsync($"/api/v1/survey-responses/{token}");
        await form.AssertStatusAsync(HttpStatusCode.Gone);
        Assert.That(form.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        await (await SurveyApi.AnswerAsync(token, FullAnswers)).AssertStatusAsync(HttpStatusCode.Gone);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM survey_answers"), Is.Zero);
    }

    [Test]
    public async Task Link_UnknownToken_Is404_AndInvalidAnswersAreFieldErrors()
    {
        var (_, _, token) = await OneInvitationAsync();
        using var anonymous = ApiClient.CreateClient();
        await (await anonymous.GetAsync("/api/v1/survey-responses/not-a-real-token")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await SurveyApi.AnswerAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), FullAnswers)).AssertStatusAsync(HttpStatusCode.NotFound);

        var invalid = await SurveyApi.AnswerAsync(token,
            new { questionKey = "overall", score = 6 },
            new { questionKey = "contact", choice = "Pigeon" },
            new { questionKey = "nonsense", score = 3 });
        var errors = (await invalid.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.TryGetProperty("answers.overall", out _), Is.True, "score out of range");
            Assert.That(errors.TryGetProperty("answers.speed", out _), Is.True, "required question missing");
            Assert.That(errors.TryGetProperty("answers.contact", out _), Is.True, "not one of the options");
            Assert.That(errors.TryGetProperty("answers.nonsense", out _), Is.True, "no such question");
        });

        var empty = await SurveyApi.AnswerAsync(token);
        Assert.That((await empty.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("answers", out _), Is.True,
            "an empty submission does not count as an answer");

        await (await SurveyApi.AnswerAsync(token, FullAnswers)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Revision_AddsAVersion_AndAnOpenInvitationKeepsAskingTheVersionItWasSent()
    {
        var api = new SurveyApi(Admin);
        var (surveyId, _, token) = await OneInvitationAsync();
        var revised = await Admin.PutAsJsonAsync($"/api/v1/surveys/{surveyId}", new
        {
            name = "Satisfaction (2027)",
            questions = new object[]
            {
                new { key = "overall", text = "All in all, how satisfied are you?", kind = "score10", isOverall = true, required = true },
                new { key = "effort", text = "How easy was it?", kind = "score5", required = true },
            },
        });
        await revised.AssertStatusAsync(HttpStatusCode.OK);
        var body = await revised.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("currentVersion").GetInt32(), Is.EqualTo(2));
            Assert.That(body.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()), Is.EqualTo(new[] { 1, 2 }));
        });

        var v1 = await (await Admin.GetAsync($"/api/v1/surveys/{surveyId}?version=1")).ReadJsonAsync();
        Assert.That(v1.GetProperty("questions").GetProperty("questions").GetArrayLength(), Is.EqualTo(5), "version 1 is unchanged");

        using var anonymous = ApiClient.CreateClient();
        var form = await (await anonymous.GetAsync($"/api/v1/survey-responses/{token}")).ReadJsonAsync();
        Assert.That(form.GetProperty("surveyVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(form.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()), Does.Contain("speed").And.Not.Contain("effort"));

        await (await SurveyApi.AnswerAsync(token, new { questionKey = "effort", score = 3 })).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await SurveyApi.AnswerAsync(token, FullAnswers)).AssertStatusAsync(HttpStatusCode.OK);

        var ofV1 = await api.AnalysisAsync(surveyId, "?version=1");
        var ofV2 = await api.AnalysisAsync(surveyId);
        Assert.Multiple(() =>
        {
            Assert.That(ofV1.GetProperty("responses").GetProperty("answered").GetInt32(), Is.EqualTo(1));
            Assert.That(ofV2.GetProperty("surveyVersion").GetInt32(), Is.EqualTo(2));
            Assert.That(ofV2.GetProperty("responses").GetProperty("invited").GetInt32(), Is.Zero);
        });

        // The same questions again are no new version.
        var same = await Admin.PutAsJsonAsync($"/api/v1/surveys/{surveyId}", new
        {
            name = "Satisfaction (2027)",
            questions = new object[]
            {
                new { key = "overall", text = "All in all, how satisfied are you?", kind = "score10", isOverall = true, required = true },
                new { key = "effort", text = "How easy was it?", kind = "score5", required = true },
            },
        });
        Assert.That((await same.ReadJsonAsync()).GetProperty("currentVersion").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task CreateSurvey_WithBadQuestions_IsRefusedWithFieldErrors()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/surveys", new
        {
            name = "Broken",
            questions = new object[]
            {
                new { key = "a", text = "Pick", kind = "singleChoice", options = new[] { "Only one" } },
                new { key = "a", text = "Again", kind = "freeText", isOverall = true },
                new { key = "9bad", text = "Key", kind = "score5" },
            },
        });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(errors, Has.Some.StartsWith("questions"));
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM survey_templates"), Is.Zero);
    }
}

/// <summary>Closing a complaint asks the customer about its handling and schedules the follow-up call, by itself.</summary>
public class PostClosureTests : AdminIntegrationTest
{
    [Test]
    public async Task Closing_CreatesTheSurveyInvitationLinkedToTheComplaint_AndTheFollowUpTask()
    {
        var surveys = new SurveyApi(Admin);
        var surveyId = await surveys.CreateSurveyAsync();
        var campaign = await surveys.CreateCampaignAsync(new { surveyId, name = "After closure", schedule = "afterComplaintClosed", channel = "sms", responseDays = 7 });
        var campaignId = campaign.GetProperty("id").GetGuid();

        var complaints = new ComplaintApi(Admin);
        var id = await complaints.BringToResolvedAsync();
        var (complaint, _) = await complaints.GetAsync(id);
        Assert.That(await surveys.InvitationsAsync(campaignId), Is.Empty, "nothing before closing");
        var closed = await complaints.ActAsync(id, "close", new { reason = "resolved", satisfaction = 5 });
        await closed.AssertStatusAsync(HttpStatusCode.OK);

        var invitation = (await surveys.InvitationsAsync(campaignId)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(invitation.GetProperty("complaintId").GetGuid(), Is.EqualTo(id));
            Assert.That(invitation.GetProperty("customerId").GetGuid(), Is.EqualTo(complaint.GetProperty("customerId").GetGuid()));
            Assert.That(invitation.GetProperty("channel").GetString(), Is.EqualTo("phone"), "the complaint's channel, for the breakdown");
            Assert.That(invitation.GetProperty("link").GetString(), Does.EndWith(invitation.GetProperty("token").GetString()!));
        });

        await (await SurveyApi.AnswerAsync(invitation.GetProperty("token").GetString()!,
            new { questionKey = "overall", score = 5 }, new { questionKey = "speed", score = 4 })).AssertStatusAsync(HttpStatusCode.OK);
        var analysis = await surveys.AnalysisAsync(surveyId);
        var breakdowns = analysis.GetProperty("breakdowns");
        Assert.Multiple(() =>
        {
            var responder = breakdowns.GetProperty("firstResponder").EnumerateArray().Single();
            Assert.That(responder.GetProperty("key").GetGuid(), Is.EqualTo(complaint.GetProperty("firstResponderId").GetGuid()));
            Assert.That(responder.GetProperty("label").GetString(), Is.Not.Empty);
            Assert.That(breakdowns.GetProperty("slaMet").EnumerateArray().Single().GetProperty("key").GetString(), Is.EqualTo("met"));
            Assert.That(breakdowns.GetProperty("channel").EnumerateArray().Single().GetProperty("key").GetString(), Is.EqualTo("phone"));
        });

        var tasks = await (await Admin.GetAsync($"/api/v1/care-tasks?complaintId={id}")).ReadJsonAsync();
        var task = tasks.GetProperty("items").EnumerateArray().Single();
        var closedAt = (await complaints.GetAsync(id)).Body.GetProperty("closing").GetProperty("closedAt").GetDateTimeOffset();
        var closedDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(closedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.Multiple(() =>
        {
            Assert.That(task.GetProperty("kind").GetString(), Is.EqualTo("followUpCall"));
            Assert.That(task.GetProperty("isAutomatic").GetBoolean(), Is.True);
            Assert.That(task.GetProperty("ownerId").GetGuid(), Is.EqualTo(complaint.GetProperty("firstResponderId").GetGuid()));
            Assert.That(DateOnly.Parse(task.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(closedDay.AddDays(7)));
            Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("open"));
        });
    }

    [Test]
    public async Task ClosingAsDuplicate_SchedulesNothing_AndAStoppedCampaignInvitesNobody()
    {
        var surveys = new SurveyApi(Admin);
        var surveyId = await surveys.CreateSurveyAsync();
        var campaign = await surveys.CreateCampaignAsync(new { surveyId, name = "After closure", schedule = "afterComplaintClosed" });
        var campaignId = campaign.GetProperty("id").GetGuid();
        var complaints = new ComplaintApi(Admin);
        var original = (await complaints.ReceiveAsync()).GetProperty("id").GetGuid();
        var duplicate = (await complaints.ReceiveAsync(ComplaintApi.NewComplaint("Same again"))).GetProperty("id").GetGuid();

        await (await complaints.ActAsync(duplicate, "close", new { reason = "duplicate", duplicateOfId = original })).AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(await surveys.InvitationsAsync(campaignId), Is.Empty);
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM care_tasks"), Is.Zero);

        await (await Admin.PostAsync($"/api/v1/survey-campaigns/{campaignId}/stop", null)).AssertStatusAsync(HttpStatusCode.OK);
        await (await complaints.ActAsync(original, "close", new { reason = "withdrawn" })).AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(await surveys.InvitationsAsync(campaignId), Is.Empty, "a stopped campaign asks nobody");
        Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM care_tasks"), Is.EqualTo(1), "the follow-up still comes");
    }
}

/// <summary>Scheduled campaigns: a wave when due, to the segment's customers who agreed to be contacted, once per wave.</summary>
public class ScheduledCampaignTests : AdminIntegrationTest
{
    [Test]
    public async Task QuarterlyCampaign_SendsAWaveToTheConsentingSegment_ThenWaitsAQuarter()
    {
        var api = new SurveyApi(Admin);
        var surveyId = await api.CreateSurveyAsync();
        var vip1 = await api.CreateCustomerAsync("Vip One", "vip1@example.com", "vip");
        var vip2 = await api.CreateCustomerAsync("Vip Two", "vip2@example.com", "vip");
        await api.CreateCustomerAsync("Vip No Mail", "vip3@example.com", "vip", emailConsent: false);
        await api.CreateCustomerAsync("Standard", "std@example.com");
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var campaign = await api.CreateCampaignAsync(new { surveyId, name = "VIP quarterly", schedule = "quarterly", segment = "VIP", channel = "email", startsAt });
        var campaignId = campaign.GetProperty("id").GetGuid();

        Assert.That(await SurveyApi.RunCampaignsAsync(), Is.EqualTo(2));
        Assert.That(await SurveyApi.RunCampaignsAsync(), Is.Zero, "the next wave is a quarter away");

        var invited = (await api.InvitationsAsync(campaignId)).Select(i => i.GetProperty("customerId").GetGuid()).ToList();
        var state = await (await Admin.GetAsync($"/api/v1/survey-campaigns/{campaignId}")).ReadJsonAsync();
        var told = (await (await Admin.GetAsync($"/api/v1/customers/{vip1}/export")).ReadJsonAsync()).GetProperty("notifications").EnumerateArray()
            .Where(n => n.GetProperty("event").GetString() == "surveyInvitation").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(invited, Is.EquivalentTo(new[] { vip1, vip2 }));
            Assert.That(told, Has.Count.EqualTo(1), "the wave's invitation is told to the customer (here recorded: no mail server is configured)");
            Assert.That(told.Select(n => n.GetProperty("channel").GetString()), Is.All.EqualTo("email"));
            Assert.That(told.Select(n => n.GetProperty("notSentReason").GetString()), Is.All.EqualTo("channelNotConfigured"));
            Assert.That(state.GetProperty("waves").GetInt32(), Is.EqualTo(1));
            Assert.That(state.GetProperty("waveInProgress").GetBoolean(), Is.False);
            Assert.That(state.GetProperty("nextRunAt").GetDateTimeOffset(), Is.EqualTo(startsAt.AddMonths(3)).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(state.GetProperty("invitations").GetProperty("sent").GetInt32(), Is.EqualTo(2));
        });

        // A quarter later the next wave goes out to the same people, each once.
        await Dispatch.ScalarAsync("UPDATE survey_campaigns SET next_run_at = now() - interval '1 second' RETURNING 1");
        Assert.That(await SurveyApi.RunCampaignsAsync(), Is.EqualTo(2));
        var tokens = (await api.InvitationsAsync(campaignId)).Select(i => i.GetProperty("token").GetString()).ToList();
        Assert.That(tokens.Distinct().Count(), Is.EqualTo(4), "every invitation has its own token");
    }

    [Test]
    public async Task FourWorkersAtOnce_InviteEachCustomerOnceInTheWave()
    {
        var api = new SurveyApi(Admin);
        var surveyId = await api.CreateSurveyAsync();
        for (var i = 0; i < 30; i++)
        {
            await api.CreateCustomerAsync($"Customer {i}", $"c{i}@example.com", "gold");
        }

        await api.CreateCampaignAsync(new { surveyId, name = "Gold", schedule = "yearly", segment = "gold" });
        var written = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SurveyApi.RunCampaignsAsync)));
        await SurveyApi.RunCampaignsAsync(); // finishes the wave if every worker stepped back

        Assert.Multiple(async () =>
        {
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM survey_invitations"), Is.EqualTo(30));
            Assert.That(await Dispatch.ScalarAsync("SELECT count(DISTINCT customer_id) FROM survey_invitations"), Is.EqualTo(30));
            Assert.That(await Dispatch.ScalarAsync("SELECT max(wave) FROM survey_invitations"), Is.EqualTo(1));
            Assert.That(written.Sum(), Is.LessThanOrEqualTo(30));
        });
    }

    [Test]
    public async Task CreateCampaign_WithoutAudienceOrForAnUnknownSurvey_IsRefused()
    {
        var api = new SurveyApi(Admin);
        var surveyId = await api.CreateSurveyAsync();
        var noAudience = await Admin.PostAsJsonAsync("/api/v1/survey-campaigns", new { surveyId, name = "Nobody", schedule = "once" });
        await noAudience.AssertStatusAsync(HttpStatusCode.BadRequest);
        var unknown = await Admin.PostAsJsonAsync("/api/v1/survey-campaigns", new { surveyId = Guid.NewGuid(), name = "X", schedule = "once", segment = "vip" });
        await unknown.AssertStatusAsync(HttpStatusCode.BadRequest);
        var both = await Admin.PostAsJsonAsync("/api/v1/survey-campaigns", new { surveyId, name = "X", schedule = "afterComplaintClosed", segment = "vip" });
        await both.AssertStatusAsync(HttpStatusCode.BadRequest);
    }
}
