using System.Net.Http.Json;

namespace CustomerCare.Resilience.Tests.Infrastructure;

public static class Complaints
{
    public static object New(int i) => new
    {
        channel = "phone",
        customer = new { name = $"Customer {i}", phone = $"+86 139 {i % 10000:D4} {i * 7 % 10000:D4}" },
        title = $"Resilience load {i}",
        description = "The kettle leaks from the base.",
        occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
    };

    public static HttpRequestMessage Register(Guid id, string etag) => new(HttpMethod.Post, $"/api/v1/complaints/{id}/register")
    {
        Content = JsonContent.Create(new { category = "productQuality", severity = "general", customerAcknowledged = true }),
        Headers = { { "If-Match", etag } },
    };
}
