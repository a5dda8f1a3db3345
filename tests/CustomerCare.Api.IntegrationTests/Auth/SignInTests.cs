using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Auth;

public class SignInTests : IntegrationTest
{
    [Test]
    public async Task SignIn_WithCorrectCredentials_ReturnsTokenThatIdentifiesTheStaffMember()
    {
        var (id, email) = await ApiClient.CreateStaffAsync("agent");

        var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = email.ToUpperInvariant(), password = ApiClient.StaffPassword });

        var token = await response.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(token.GetProperty("tokenType").GetString(), Is.EqualTo("Bearer"));
            Assert.That(token.GetProperty("expiresIn").GetInt32(), Is.InRange(60, 15 * 60));
        });
        using var client = ApiClient.WithBearer(token.GetProperty("accessToken").GetString()!);
        var me = await (await client.GetAsync("/api/v1/auth/me")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(me.GetProperty("kind").GetString(), Is.EqualTo("staff"));
            Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "agent" }));
        });
    }

    [Test]
    public async Task SignIn_WithWrongPasswordOrUnknownEmail_AnswersTheSame401()
    {
        var (_, email) = await ApiClient.CreateStaffAsync("agent");

        var wrongPassword = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Not-The-Passw0rd" });
        var unknownEmail = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@tests.example", password = "Not-The-Passw0rd" });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(second.GetProperty("title").GetString(), Is.EqualTo(first.GetProperty("title").GetString()));
            Assert.That(second.GetProperty("detail").GetString(), Is.EqualTo(first.GetProperty("detail").GetString()));
            Assert.That(first.GetProperty("detail").GetString(), Is.EqualTo("Invalid email or password."));
        });
    }

    [Test]
    public async Task SignIn_AfterFiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var (_, email) = await ApiClient.CreateStaffAsync("agent");
        for (var i = 0; i < 5; i++)
        {
            await (await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-Passw0rd-x" }))
                .AssertStatusAsync(HttpStatusCode.Unauthorized);
        }

        var locked = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = ApiClient.StaffPassword });

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(locked.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public async Task SignIn_ThirtyWrongPasswordsAtOnce_AreCheckedAtMostFiveTimes_AndTheRightOneIsThenRefused()
    {
        var (_, email) = await ApiClient.CreateStaffAsync("agent");

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var client = ApiClient.CreateClient();
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = $"Wrong-Passw0rd-{i}" });
            return response.StatusCode;
        }));
        var right = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = ApiClient.StaffPassword });

        Assert.Multiple(() =>
        {
            Assert.That(answers.Count(a => a == HttpStatusCode.Unauthorized), Is.EqualTo(5), "exactly the configured number of guesses was checked");
            Assert.That(answers.Count(a => a == HttpStatusCode.TooManyRequests), Is.EqualTo(25), "the rest were refused unchecked");
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the account is locked, even for the right password");
        });
    }

    [Test]
    public async Task ChangePassword_AfterFiveWrongCurrentPasswords_Answers429_EvenForTheRightOne()
    {
        var (_, email) = await ApiClient.CreateStaffAsync("agent");
        using var staff = ApiClient.WithBearer(await ApiClient.SignInAsync(email, ApiClient.StaffPassword));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await staff.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = $"Guess-Passw0rd-{i}", newPassword = "Brand-New-Passw0rd" })).StatusCode);
        }

        var right = await staff.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiClient.StaffPassword, newPassword = "Brand-New-Passw0rd" });

        Assert.That(answers, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.BadRequest, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3))));
        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(right.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        await (await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = ApiClient.StaffPassword }))
            .AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task SignIn_AfterFiveFailuresOnUnknownEmail_LocksItTooSoExistenceDoesNotLeak()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ghost@tests.example", password = "Wrong-Passw0rd-x" });
        }

        var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ghost@tests.example", password = "Wrong-Passw0rd-x" });

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task SignIn_AfterPasswordReset_LockoutIsLifted()
    {
        var (id, email) = await ApiClient.CreateStaffAsync("agent");
        for (var i = 0; i < 5; i++)
        {
            await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-Passw0rd-x" });
        }

        using var admin = await ApiClient.AsAdminAsync();
        await (await admin.PostAsJsonAsync($"/api/v1/staff/{id}/password", new { newPassword = "Brand-New-Passw0rd" }))
            .AssertStatusAsync(HttpStatusCode.NoContent);

        var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Brand-New-Passw0rd" });
        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task SignIn_WithMalformedJson_Answers400ProblemNamingTheBody()
    {
        using var content = new StringContent("{\"email\": \"a@b.c\", \"password\": ", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync("/api/v1/auth/token", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.Not.Empty);
    }

    [Test]
    public async Task SignIn_WithMistypedJson_Answers400WithTheFieldPath()
    {
        using var content = new StringContent("{\"email\": 42, \"password\": \"x\"}", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync("/api/v1/auth/token", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("$.email", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task SignIn_WithMissingFields_Answers400WithFieldErrors()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = "not-an-email" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.TryGetProperty("email", out _), Is.True);
            Assert.That(errors.TryGetProperty("password", out _), Is.True);
        });
    }
}
