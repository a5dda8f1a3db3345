using System.Net;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Surveys;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>Instants with any UTC offset (as Swagger's examples write them, +08:00) are stored and compared as the same instant.</summary>
public class TimeOffsetTests : AdminIntegrationTest
{
    [Test]
    public async Task Complaint_OccurredAtWithAnOffset_IsStoredAsTheSameInstant()
    {
        var occurredAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.FromHours(8));
        var body = await new ComplaintApi(Admin).ReceiveAsync(new
        {
            channel = "phone", customer = new { name = "Zhang Wei", phone = "138 0013 8000" }, title = "Kettle leaks", description = "Leaks.", occurredAt,
        });

        Assert.That(body.GetProperty("occurredAt").GetDateTimeOffset(), Is.EqualTo(occurredAt));
        var filtered = await (await Admin.GetAsync("/api/v1/complaints?receivedFrom=2026-01-01T00:00:00%2B08:00")).ReadJsonAsync();
        Assert.That(filtered.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Campaign_StartingAtAnOffset_AndAnalysisFromAnOffset_Work()
    {
        var api = new SurveyApi(Admin);
        var surveyId = await api.CreateSurveyAsync();
        var startsAt = DateTimeOffset.UtcNow.AddDays(1).ToOffset(TimeSpan.FromHours(8));
        var campaign = await api.CreateCampaignAsync(new { surveyId, name = "Tomorrow", schedule = "yearly", segment = "vip", startsAt });

        Assert.That(campaign.GetProperty("nextRunAt").GetDateTimeOffset(), Is.EqualTo(startsAt).Within(TimeSpan.FromMilliseconds(1)));
        var analysis = await Admin.GetAsync($"/api/v1/surveys/{surveyId}/analysis?from=2026-01-01T00:00:00%2B08:00&to=2099-01-01T00:00:00-05:00");
        await analysis.AssertStatusAsync(HttpStatusCode.OK);
    }
}
