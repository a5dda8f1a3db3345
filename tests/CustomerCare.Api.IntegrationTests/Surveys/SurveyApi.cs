using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Application.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Surveys;

/// <summary>Surveys over HTTP, and the campaign worker run by hand as the background service would.</summary>
public sealed class SurveyApi(HttpClient client)
{
    public static readonly object[] Questions =
    [
        new { key = "overall", text = "Overall, how satisfied are you?", kind = "score5", isOverall = true, required = true },
        new { key = "speed", text = "How quickly were you helped?", kind = "score5", required = true },
        new { key = "recommend", text = "How likely are you to recommend us?", kind = "score10" },
        new { key = "contact", text = "How did you contact us?", kind = "singleChoice", options = new[] { "Phone", "E-mail", "Chat" } },
        new { key = "comment", text = "What should we do better?", kind = "freeText" },
    ];

    public async Task<Guid> CreateSurveyAsync(object[]? questions = null, string name = "Satisfaction")
    {
        var response = await client.PostAsJsonAsync("/api/v1/surveys", new { name, questions = questions ?? Questions });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> CreateCampaignAsync(object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/survey-campaigns", body);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    public async Task<List<JsonElement>> InvitationsAsync(Guid campaignId)
    {
        var page = await (await client.GetAsync($"/api/v1/survey-campaigns/{campaignId}/invitations?pageSize=200")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task<JsonElement> AnalysisAsync(Guid surveyId, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/surveys/{surveyId}/analysis{query}");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Answers through the customer's link, anonymously.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(string token, params object[] answers)
    {
        using var anonymous = ApiClient.CreateClient();
        return await anonymous.PostAsJsonAsync($"/api/v1/survey-responses/{token}", new { answers });
    }

    public static async Task<int> RunCampaignsAsync()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyInviter>().RunDueWavesAsync(DateTimeOffset.UtcNow, CancellationToken.None);
    }

    public async Task<Guid> CreateCustomerAsync(string name, string email, string segment = "standard", bool emailConsent = true, string preferredChannel = "email")
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name,
            segment,
            preferredChannel,
            consent = new { contactByPhone = true, contactByEmail = emailConsent, marketing = false },
            contactPoints = new[] { new { kind = "email", value = email, isPrimary = true } },
        });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}
