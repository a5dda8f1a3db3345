using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Surveys;
using CustomerCare.Api.IntegrationTests.Webhooks;

namespace CustomerCare.Api.IntegrationTests.Customers;

/// <summary>A customer's feedback, survey answers and care tasks in the 360° view, through a merge and through erasure.</summary>
public class CustomerCareRecordsTests : AdminIntegrationTest
{
    private async Task<Guid> FeedbackAsync(Guid customer, string text)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/feedback", new { customerId = customer, kind = "idea", channel = "email", subject = "An idea", text });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task AnswerFeedbackAsync(Guid id, int points)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/feedback/{id}/answer")
        {
            Content = JsonContent.Create(new { answer = "Thank you, Chen Jie, we will do it.", accepted = true, improvementActionId = await ApiClient.PlanImprovementActionAsync("Build it"), rewardPoints = points }),
        };
        request.Headers.IfMatch.Add((await Admin.GetAsync($"/api/v1/feedback/{id}")).Headers.ETag!);
        await (await Admin.SendAsync(request)).AssertStatusAsync(HttpStatusCode.OK);
    }

    private async Task CareTaskAsync(Guid customer, string notes, int inDays)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var response = await Admin.PostAsJsonAsync("/api/v1/care-tasks", new { kind = "keyCustomerContact", customerId = customer, dueOn = today.AddDays(inDays), subject = "Call", notes });
        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    /// <summary>Invites the customers to a one-off survey and has each answer with the given overall score and comment.</summary>
    private async Task<Guid> SurveyAsync(params (Guid Customer, int Overall, string Comment)[] answers)
    {
        var surveys = new SurveyApi(Admin);
        var surveyId = await surveys.CreateSurveyAsync();
        var campaign = await surveys.CreateCampaignAsync(new { surveyId, name = "Once", schedule = "once", customerIds = answers.Select(a => a.Customer).ToArray() });
        await SurveyApi.RunCampaignsAsync();
        var tokens = (await surveys.InvitationsAsync(campaign.GetProperty("id").GetGuid()))
            .ToDictionary(i => i.GetProperty("customerId").GetGuid(), i => i.GetProperty("token").GetString()!);
        foreach (var (customer, overall, comment) in answers)
        {
            await (await SurveyApi.AnswerAsync(tokens[customer], new { questionKey = "overall", score = overall }, new { questionKey = "speed", score = 3 },
                new { questionKey = "comment", text = comment })).AssertStatusAsync(HttpStatusCode.OK);
        }

        return surveyId;
    }

    [Test]
    public async Task Overview_ShowsFeedbackSurveyAnswersAndCareTasks()
    {
        var surveys = new SurveyApi(Admin);
        var customer = await surveys.CreateCustomerAsync("Chen Jie", "chen.jie@example.com");
        var answered = await FeedbackAsync(customer, "Open on Sundays");
        await FeedbackAsync(customer, "A loyalty card");
        await AnswerFeedbackAsync(answered, 30);
        await CareTaskAsync(customer, "Ask about the renewal", -1);
        await CareTaskAsync(customer, "Birthday", 10);
        await SurveyAsync((customer, 4, "Fine"));

        var overview = await (await Admin.GetAsync($"/api/v1/customers/{customer}/overview")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(overview.GetProperty("rewardPoints").GetInt32(), Is.EqualTo(30));
            var feedback = overview.GetProperty("feedback");
            Assert.That(feedback.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(feedback.GetProperty("open").GetInt32(), Is.EqualTo(1));
            Assert.That(feedback.GetProperty("latest").GetArrayLength(), Is.EqualTo(2));
            var surveysPart = overview.GetProperty("surveys");
            Assert.That(surveysPart.GetProperty("answered").GetInt32(), Is.EqualTo(1));
            var answers = surveysPart.GetProperty("latestAnswered")[0].GetProperty("answers").EnumerateArray().ToList();
            Assert.That(answers.Single(a => a.GetProperty("questionKey").GetString() == "overall").GetProperty("score").GetInt32(), Is.EqualTo(4));
            var tasks = overview.GetProperty("careTasks");
            Assert.That(tasks.GetProperty("open").GetInt32(), Is.EqualTo(2));
            Assert.That(tasks.GetProperty("overdue").GetInt32(), Is.EqualTo(1));
            Assert.That(tasks.GetProperty("upcoming")[0].GetProperty("notes").GetString(), Is.EqualTo("Ask about the renewal"), "soonest due first");
        });
    }

    [Test]
    public async Task Merge_MovesFeedbackSurveyAnswersCareTasksAndPointsToTheSurvivor()
    {
        var surveys = new SurveyApi(Admin);
        var survivor = await surveys.CreateCustomerAsync("Chen Jie", "chen.jie@example.com");
        var duplicate = await surveys.CreateCustomerAsync("Chen J.", "cj@example.com");
        await AnswerFeedbackAsync(await FeedbackAsync(duplicate, "Self checkout"), 40);
        await CareTaskAsync(duplicate, "Call back", 2);
        var surveyId = await SurveyAsync((survivor, 5, "Great"), (duplicate, 3, "Okay"));

        await (await Admin.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = duplicate })).AssertStatusAsync(HttpStatusCode.OK);

        var overview = await (await Admin.GetAsync($"/api/v1/customers/{survivor}/overview")).ReadJsonAsync();
        var analysis = await surveys.AnalysisAsync(surveyId);
        Assert.Multiple(async () =>
        {
            Assert.That(overview.GetProperty("rewardPoints").GetInt32(), Is.EqualTo(40));
            Assert.That(overview.GetProperty("feedback").GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(overview.GetProperty("careTasks").GetProperty("open").GetInt32(), Is.EqualTo(1));
            Assert.That(overview.GetProperty("surveys").GetProperty("answered").GetInt32(), Is.EqualTo(2), "both records' answers, on one person");
            Assert.That(await Dispatch.ScalarAsync($"SELECT count(*) FROM customer_feedback WHERE customer_id = '{duplicate}'"), Is.Zero);
            Assert.That(analysis.GetProperty("responses").GetProperty("answered").GetInt32(), Is.EqualTo(2), "every answer still counts");
        });
    }

    [Test]
    public async Task Erase_RedactsFeedbackSurveyTextAndCareNotes_AndTheScoresStillCount()
    {
        var surveys = new SurveyApi(Admin);
        var customer = await surveys.CreateCustomerAsync("Chen Jie", "chen.jie@example.com");
        await AnswerFeedbackAsync(await FeedbackAsync(customer, "Chen Jie from Lane 5 wants Sunday hours"), 10);
        await CareTaskAsync(customer, "Chen Jie prefers evenings", 1);
        var surveyId = await SurveyAsync((customer, 2, "Chen Jie waited an hour at Lane 5"));

        await (await Admin.PostAsync($"/api/v1/customers/{customer}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var overview = await (await Admin.GetAsync($"/api/v1/customers/{customer}/overview")).Content.ReadAsStringAsync();
        var export = await (await Admin.GetAsync($"/api/v1/customers/{customer}/export")).Content.ReadAsStringAsync();
        var feedbackList = await (await Admin.GetAsync($"/api/v1/feedback?customerId={customer}")).Content.ReadAsStringAsync();
        var tasks = await (await Admin.GetAsync($"/api/v1/care-tasks?customerId={customer}")).Content.ReadAsStringAsync();
        var analysis = await surveys.AnalysisAsync(surveyId);
        var overall = analysis.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "overall");
        Assert.Multiple(async () =>
        {
            foreach (var text in new[] { overview, export, feedbackList, tasks })
            {
                Assert.That(text, Does.Not.Contain("Chen").And.Not.Contain("Lane 5"));
            }

            Assert.That(JsonDocument.Parse(feedbackList).RootElement.GetProperty("totalCount").GetInt32(), Is.EqualTo(1), "the feedback still counts");
            Assert.That(overall.GetProperty("mean").GetDouble(), Is.EqualTo(2.0), "the score still counts");
            Assert.That(await Dispatch.ScalarAsync("SELECT count(*) FROM survey_answers WHERE text LIKE '%Lane 5%'"), Is.Zero);
        });
    }
}
