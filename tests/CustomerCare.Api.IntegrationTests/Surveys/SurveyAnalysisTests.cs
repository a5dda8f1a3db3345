using System.Net;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Surveys;

/// <summary>
/// The analysis against figures worked out by hand on a fixed set of four answers (a fifth customer never answers):
///
/// | customer | segment  | overall | speed | recommend | contact |
/// |----------|----------|---------|-------|-----------|---------|
/// | A        | vip      | 5       | 5     | 9         | Phone   |
/// | B        | vip      | 4       | 4     | 7         | Phone   |
/// | C        | standard | 2       | 1     | 8         | E-mail  |
/// | D        | standard | 3       | 2     | 6         | E-mail  |
///
/// overall: mean 3.5, deviations ±1.5 ±0.5, Σd² = 5, sample variance 5/3, SD √(5/3) = 1.2910.
/// speed: mean 3, Σd² = 10, SD √(10/3) = 1.8257; Σ(dx·dy) with overall = 3 + 0.5 + 3 + 0.5 = 7, r = 7/√(10·5) = 0.9899.
/// recommend: mean 7.5, Σd² = 5, SD 1.2910; Σ(dx·dy) = 2.25 − 0.25 − 0.75 + 0.75 = 2, r = 2/√(5·5) = 0.4.
/// vip overall: 5, 4 → mean 4.5, SD √0.5 = 0.7071, +1 from 3.5; standard: 2, 3 → 2.5, 0.7071, −1.
/// Response rate 4/5 = 0.8.
/// </summary>
public class SurveyAnalysisTests : AdminIntegrationTest
{
    [Test]
    public async Task Analysis_OnAFixedDataSet_MatchesTheFiguresComputedByHand()
    {
        var api = new SurveyApi(Admin);
        var surveyId = await api.CreateSurveyAsync();
        var customers = new Dictionary<string, Guid>
        {
            ["A"] = await api.CreateCustomerAsync("Customer A", "a@example.com", "vip"),
            ["B"] = await api.CreateCustomerAsync("Customer B", "b@example.com", "vip"),
            ["C"] = await api.CreateCustomerAsync("Customer C", "c@example.com"),
            ["D"] = await api.CreateCustomerAsync("Customer D", "d@example.com"),
            ["E"] = await api.CreateCustomerAsync("Customer E", "e@example.com"),
        };
        var campaign = await api.CreateCampaignAsync(new
        {
            surveyId, name = "Autumn check", schedule = "once", customerIds = customers.Values, channel = "email", responseDays = 14, product = "kettle-k2",
        });
        var campaignId = campaign.GetProperty("id").GetGuid();

        Assert.That(await SurveyApi.RunCampaignsAsync(), Is.EqualTo(5));
        var tokens = (await api.InvitationsAsync(campaignId)).ToDictionary(i => i.GetProperty("customerId").GetGuid(), i => i.GetProperty("token").GetString()!);
        Assert.That(tokens, Has.Count.EqualTo(5));

        object Score(string key, int score) => new { questionKey = key, score };
        object Choice(string key, string choice) => new { questionKey = key, choice };
        await (await SurveyApi.AnswerAsync(tokens[customers["A"]], Score("overall", 5), Score("speed", 5), Score("recommend", 9), Choice("contact", "Phone"),
            new { questionKey = "comment", text = "Great people" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await SurveyApi.AnswerAsync(tokens[customers["B"]], Score("overall", 4), Score("speed", 4), Score("recommend", 7), Choice("contact", "Phone")))
            .AssertStatusAsync(HttpStatusCode.OK);
        await (await SurveyApi.AnswerAsync(tokens[customers["C"]], Score("overall", 2), Score("speed", 1), Score("recommend", 8), Choice("contact", "E-mail"),
            new { questionKey = "comment", text = "Too slow" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await SurveyApi.AnswerAsync(tokens[customers["D"]], Score("overall", 3), Score("speed", 2), Score("recommend", 6), Choice("contact", "E-mail")))
            .AssertStatusAsync(HttpStatusCode.OK);

        var analysis = await api.AnalysisAsync(surveyId);
        var questions = analysis.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("key").GetString()!);
        var drivers = analysis.GetProperty("keyDrivers").EnumerateArray().ToList();
        var segments = analysis.GetProperty("breakdowns").GetProperty("segment").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        var channels = analysis.GetProperty("breakdowns").GetProperty("channel").EnumerateArray().ToList();
        var products = analysis.GetProperty("breakdowns").GetProperty("product").EnumerateArray().ToList();
        double Number(JsonElement e, string name) => e.GetProperty(name).GetDouble();
        Dictionary<string, int> Distribution(string key) =>
            questions[key].GetProperty("distribution").EnumerateArray().ToDictionary(b => b.GetProperty("value").GetString()!, b => b.GetProperty("count").GetInt32());

        Assert.Multiple(() =>
        {
            var responses = analysis.GetProperty("responses");
            Assert.That(responses.GetProperty("invited").GetInt32(), Is.EqualTo(5));
            Assert.That(responses.GetProperty("answered").GetInt32(), Is.EqualTo(4));
            Assert.That(Number(responses, "responseRate"), Is.EqualTo(0.8));
            Assert.That(analysis.GetProperty("overallQuestion").GetString(), Is.EqualTo("overall"));

            Assert.That(questions["overall"].GetProperty("count").GetInt32(), Is.EqualTo(4));
            Assert.That(Number(questions["overall"], "mean"), Is.EqualTo(3.5));
            Assert.That(Number(questions["overall"], "standardDeviation"), Is.EqualTo(1.2910));
            Assert.That(Distribution("overall"), Is.EqualTo(new Dictionary<string, int> { ["1"] = 0, ["2"] = 1, ["3"] = 1, ["4"] = 1, ["5"] = 1 }));
            Assert.That(Number(questions["speed"], "mean"), Is.EqualTo(3.0));
            Assert.That(Number(questions["speed"], "standardDeviation"), Is.EqualTo(1.8257));
            Assert.That(Number(questions["recommend"], "mean"), Is.EqualTo(7.5));
            Assert.That(Number(questions["recommend"], "standardDeviation"), Is.EqualTo(1.2910));
            Assert.That(Distribution("recommend"), Has.Count.EqualTo(11), "every score from 0 to 10, unchosen ones as 0");
            Assert.That(Distribution("recommend")["9"], Is.EqualTo(1));
            Assert.That(Distribution("contact"), Is.EqualTo(new Dictionary<string, int> { ["Phone"] = 2, ["E-mail"] = 2, ["Chat"] = 0 }));
            Assert.That(questions["contact"].GetProperty("mean").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(questions["comment"].GetProperty("count").GetInt32(), Is.EqualTo(2));

            Assert.That(drivers.Select(d => d.GetProperty("questionKey").GetString()), Is.EqualTo(new[] { "speed", "recommend" }), "strongest driver first");
            Assert.That(Number(drivers[0], "correlation"), Is.EqualTo(0.9899));
            Assert.That(drivers[0].GetProperty("pairs").GetInt32(), Is.EqualTo(4));
            Assert.That(Number(drivers[1], "correlation"), Is.EqualTo(0.4));

            Assert.That(Number(segments["vip"], "mean"), Is.EqualTo(4.5));
            Assert.That(Number(segments["vip"], "standardDeviation"), Is.EqualTo(0.7071));
            Assert.That(Number(segments["vip"], "differenceFromOverall"), Is.EqualTo(1.0));
            Assert.That(Number(segments["standard"], "mean"), Is.EqualTo(2.5));
            Assert.That(Number(segments["standard"], "differenceFromOverall"), Is.EqualTo(-1.0));
            Assert.That(channels.Single().GetProperty("key").GetString(), Is.EqualTo("email"));
            Assert.That(channels.Single().GetProperty("count").GetInt32(), Is.EqualTo(4));
            Assert.That(products.Single().GetProperty("key").GetString(), Is.EqualTo("kettle-k2"), "the campaign's product");
            Assert.That(Number(products.Single(), "mean"), Is.EqualTo(3.5));
            Assert.That(Number(products.Single(), "differenceFromOverall"), Is.EqualTo(0.0));
        });
    }

    [Test]
    public async Task Analysis_ForAnUnknownSurveyOrVersion_Is404()
    {
        var api = new SurveyApi(Admin);
        var surveyId = await api.CreateSurveyAsync();
        await (await Admin.GetAsync($"/api/v1/surveys/{Guid.NewGuid()}/analysis")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await Admin.GetAsync($"/api/v1/surveys/{surveyId}/analysis?version=7")).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await Admin.GetAsync($"/api/v1/surveys/{surveyId}/analysis?version=0")).AssertStatusAsync(HttpStatusCode.BadRequest);
    }
}
