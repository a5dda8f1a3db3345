using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Infrastructure.Data.Seeding;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>What tests do over and over through the public API: sign in, create people and partners.</summary>
public static class ApiClient
{
    public const string StaffPassword = "Staff-Passw0rd-1234";

    public static HttpClient CreateClient() => Testing.Factory.CreateClient();

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<string> SignInAsync(string email, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        return (await response.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
    }

    public static HttpClient WithBearer(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient WithApiKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<HttpClient> AsAdminAsync() =>
        WithBearer(await SignInAsync(CustomerCareApiFactory.AdminEmail, CustomerCareApiFactory.AdminPassword));

    /// <summary>
    /// Every hour a working hour (UTC, no holidays), and registration due <paramref name="registrationWithin"/> after
    /// receipt (ISO 8601 duration) for general and major complaints: a complaint left received breaches within seconds.
    /// </summary>
    public static async Task BreachUnregisteredComplaintsAfterAsync(HttpClient admin, string registrationWithin)
    {
        var allDay = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new[] { "00:00-24:00" });
        (await admin.PutAsJsonAsync("/api/v1/settings/calendar",
            new { timeZone = "UTC", workingHours = allDay, holidays = Array.Empty<string>(), makeUpWorkingDays = Array.Empty<string>() })).EnsureSuccessStatusCode();
        static object Working(string duration) => new { duration, basis = "working" };
        var targets = new Dictionary<string, Dictionary<string, object>>
        {
            ["general"] = new()
            {
                ["registered"] = Working(registrationWithin), ["assigned"] = Working("PT2H"), ["firstContact"] = Working("P1D"),
                ["solutionProposed"] = Working("P3D"), ["resultFedBack"] = Working("P3D"), ["resolution"] = Working("P6D"),
            },
            ["major"] = new()
            {
                ["registered"] = Working(registrationWithin), ["assigned"] = Working("PT1H"), ["firstContact"] = Working("PT4H"),
                ["solutionProposed"] = Working("P5D"), ["resultFedBack"] = Working("P3D"), ["resolution"] = Working("P8D"),
            },
        };
        (await admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new { atRiskFraction = 0.5, targets })).EnsureSuccessStatusCode();
    }

    public static async Task<Guid> DepartmentIdAsync(string code = DatabaseSeeder.CustomerServiceCode)
    {
        using var admin = await AsAdminAsync();
        var list = await (await admin.GetAsync($"/api/v1/departments?search={code}")).ReadJsonAsync();
        return list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    /// <summary>Creates a staff member through the API; returns their id and e-mail.</summary>
    public static async Task<(Guid Id, string Email)> CreateStaffAsync(string role, Guid? departmentId = null, string? email = null)
    {
        using var admin = await AsAdminAsync();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@tests.example";
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            name = $"Test {role}",
            email,
            departmentId = departmentId ?? await DepartmentIdAsync(),
            roles = new[] { role },
            password = StaffPassword,
        });
        var created = await response.ReadJsonAsync();
        return (created.GetProperty("id").GetGuid(), email);
    }

    /// <summary>Plans an improvement action (owned by a new supervisor, due in a month), for an accepted suggestion to name.</summary>
    public static async Task<Guid> PlanImprovementActionAsync(string title = "Improve what the customer suggested")
    {
        using var admin = await AsAdminAsync();
        var (owner, _) = await CreateStaffAsync("supervisor");
        var response = await admin.PostAsJsonAsync("/api/v1/improvement-actions", new { title, ownerId = owner, dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) });
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpClient> AsStaffAsync(string role)
    {
        var (_, email) = await CreateStaffAsync(role);
        return WithBearer(await SignInAsync(email, StaffPassword));
    }

    /// <summary>Registers a partner and issues it a key; returns the partner's id, the key's id and the key.</summary>
    public static async Task<(Guid PartnerId, Guid KeyId, string Key)> CreatePartnerKeyAsync(string name = "Test partner")
    {
        using var admin = await AsAdminAsync();
        var partner = await (await admin.PostAsJsonAsync("/api/v1/partners", new { name })).ReadJsonAsync();
        var partnerId = partner.GetProperty("id").GetGuid();
        var key = await (await admin.PostAsJsonAsync($"/api/v1/partners/{partnerId}/keys", new { name = "main" })).ReadJsonAsync();
        return (partnerId, key.GetProperty("id").GetGuid(), key.GetProperty("key").GetString()!);
    }

    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
    }
}
