using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>Drives complaints over HTTP the way a front end does: read the ETag, send it with each change.</summary>
public sealed class ComplaintApi(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static object NewComplaint(string title = "Kettle leaks", string phone = "138 0013 8000", string? externalReference = null, string? category = null) => new
    {
        channel = "phone",
        customer = new { name = "Zhang Wei", phone },
        title,
        description = "The new kettle leaks from the base after two days.",
        remedySought = "A replacement",
        occurredAt = DateTimeOffset.UtcNow.AddDays(-2),
        externalReference,
        category,
    };

    public async Task<JsonElement> ReceiveAsync(object? body = null)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/complaints", body ?? NewComplaint());
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    public async Task<(JsonElement Body, EntityTagHeaderValue ETag)> GetAsync(Guid id)
    {
        var response = await Client.GetAsync($"/api/v1/complaints/{id}");
        return (await response.ReadJsonAsync(), response.Headers.ETag!);
    }

    /// <summary>POSTs an action with the complaint's current ETag.</summary>
    public async Task<HttpResponseMessage> ActAsync(Guid id, string action, object body, EntityTagHeaderValue? etag = null)
    {
        etag ??= (await GetAsync(id)).ETag;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{id}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> DoAsync(Guid id, string action, object body)
    {
        var response = await ActAsync(id, action, body);
        return await response.ReadJsonAsync();
    }

    public async Task<List<string>> TimelineKindsAsync(Guid id) =>
        (await (await Client.GetAsync($"/api/v1/complaints/{id}/timeline")).ReadJsonAsync()).EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()!).ToList();

    public static readonly object Investigation = new { findings = "The base seal was faulty.", cause = "terminal", rootCause = "Supplier batch 42", isGenuine = true, evidence = new[] { "photo-1.jpg" } };

    public static readonly object Solution = new { summary = "Replace the kettle", communicatedVia = "phone", steps = new[] { new { description = "Ship a new kettle", dueAt = DateTimeOffset.UtcNow.AddDays(2), done = false } } };

    public async Task<Guid> BringToResolvedAsync()
    {
        var id = (await ReceiveAsync()).GetProperty("id").GetGuid();
        await DoAsync(id, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        await DoAsync(id, "investigation", Investigation);
        await DoAsync(id, "solution", Solution);
        await DoAsync(id, "customer-response", new { accepted = true, comment = "Fine" });
        await DoAsync(id, "resolve", new { outcome = "Kettle replaced", compensationAmount = 50, compensationCurrency = "CNY", fedBackVia = "phone" });
        return id;
    }
}
