using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Staff;

public class StaffTests : AdminIntegrationTest
{
    [Test]
    public async Task Create_ReturnsTheMemberWithoutAnyPasswordMaterial()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/staff", new
        {
            name = "Li Wei", email = "Li.Wei@Tests.Example", departmentId = await ApiClient.DepartmentIdAsync("TS"),
            roles = new[] { "techSupport", "agent" }, password = "Good-Enough-Passw0rd",
        });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var body = await response.Content.ReadAsStringAsync();
        var created = await response.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("email").GetString(), Is.EqualTo("li.wei@tests.example"));
            Assert.That(created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EquivalentTo(new[] { "agent", "techSupport" }));
            Assert.That(body, Does.Not.Contain("password").IgnoreCase.And.Not.Contain("hash").IgnoreCase.And.Not.Contain("stamp").IgnoreCase);
        });
        Assert.That(await ApiClient.SignInAsync("li.wei@tests.example", "Good-Enough-Passw0rd"), Is.Not.Empty);
    }

    [TestCase("short1!", TestName = "Create_WithTooShortPassword_Answers400")]
    [TestCase("onlyletterslongenough", TestName = "Create_WithLettersOnlyPassword_Answers400")]
    [TestCase("password1234", TestName = "Create_WithCommonPassword_Answers400")]
    [TestCase("mei.chen-2026-secure", TestName = "Create_WithPasswordContainingEmail_Answers400")]
    public async Task Create_WithPasswordAgainstPolicy(string password)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/staff", new
        {
            name = "Mei Chen", email = "mei.chen@tests.example", departmentId = await ApiClient.DepartmentIdAsync(),
            roles = new[] { "agent" }, password,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("password", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Create_WithUnknownRole_Answers400()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/staff", new
        {
            name = "X", email = "x@tests.example", departmentId = await ApiClient.DepartmentIdAsync(), roles = new[] { "superuser" },
            password = "Good-Enough-Passw0rd",
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WithTakenEmail_Answers409()
    {
        var (_, email) = await ApiClient.CreateStaffAsync("agent");

        var response = await Admin.PostAsJsonAsync("/api/v1/staff", new
        {
            name = "Twin", email = email.ToUpperInvariant(), departmentId = await ApiClient.DepartmentIdAsync(), roles = new[] { "agent" },
            password = "Good-Enough-Passw0rd",
        });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Update_ChangesRolesAndEndsTheOldSession()
    {
        var (id, email) = await ApiClient.CreateStaffAsync("agent");
        var token = await ApiClient.SignInAsync(email, ApiClient.StaffPassword);

        var response = await Admin.PutAsJsonAsync($"/api/v1/staff/{id}", new
        {
            name = "Promoted", email, departmentId = await ApiClient.DepartmentIdAsync(), roles = new[] { "supervisor" },
        });

        var updated = await response.ReadJsonAsync();
        Assert.That(updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "supervisor" }));
        using var old = ApiClient.WithBearer(token);
        await (await old.GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Deactivate_TheLastAdmin_Answers409_AndSelfDeactivationToo()
    {
        var me = await (await Admin.GetAsync("/api/v1/auth/me")).ReadJsonAsync();
        var (otherAdmin, _) = await ApiClient.CreateStaffAsync("admin");

        await (await Admin.PostAsync($"/api/v1/staff/{me.GetProperty("id").GetGuid()}/deactivate", null))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        await (await Admin.PostAsync($"/api/v1/staff/{otherAdmin}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);
        var demote = await Admin.PutAsJsonAsync($"/api/v1/staff/{me.GetProperty("id").GetGuid()}", new
        {
            name = "Admin", email = me.GetProperty("email").GetString(), departmentId = me.GetProperty("departmentId").GetGuid(), roles = new[] { "agent" },
        });
        var problem = await demote.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("staff.lastAdmin"));
    }

    [Test]
    public async Task List_FiltersByRoleAndDepartmentAndHidesInactive()
    {
        var ts = await ApiClient.DepartmentIdAsync("TS");
        var (engineer, _) = await ApiClient.CreateStaffAsync("techSupport", ts);
        var (gone, _) = await ApiClient.CreateStaffAsync("techSupport", ts);
        await ApiClient.CreateStaffAsync("agent");
        await (await Admin.PostAsync($"/api/v1/staff/{gone}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);

        var byRole = await (await Admin.GetAsync("/api/v1/staff?role=techSupport")).ReadJsonAsync();
        var byDepartment = await (await Admin.GetAsync($"/api/v1/staff?departmentId={ts}&includeInactive=true")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(byRole.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()), Is.EqualTo(new[] { engineer }));
            Assert.That(byDepartment.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()), Is.EquivalentTo(new[] { engineer, gone }));
        });
    }

    [Test]
    public async Task List_WithUnknownRole_Answers400()
    {
        await (await Admin.GetAsync("/api/v1/staff?role=wizard")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
