using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data.Seeding;

namespace CustomerCare.Api.IntegrationTests.Departments;

public class DepartmentsTests : AdminIntegrationTest
{
    [Test]
    public async Task List_OnAFreshDatabase_HasTheDefaultDepartments()
    {
        var list = await (await Admin.GetAsync("/api/v1/departments")).ReadJsonAsync();

        Assert.That(list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()),
            Is.EquivalentTo(DatabaseSeeder.DefaultDepartments.Select(d => d.Code)));
        Assert.That(list.GetProperty("totalCount").GetInt32(), Is.EqualTo(DatabaseSeeder.DefaultDepartments.Count));
    }

    [Test]
    public async Task Create_AsAdmin_Answers201WithLocationAndETagAndCanBeRead()
    {
        var parent = await ApiClient.DepartmentIdAsync("QA");

        var response = await Admin.PostAsJsonAsync("/api/v1/departments", new { name = "Field Quality", code = "qa-field", parentId = parent });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/departments/{created.GetProperty("id").GetGuid()}"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(created.GetProperty("code").GetString(), Is.EqualTo("QA-FIELD"));
            Assert.That(created.GetProperty("parentId").GetGuid(), Is.EqualTo(parent));
        });
        var read = await Admin.GetAsync(response.Headers.Location);
        Assert.That((await read.ReadJsonAsync()).GetProperty("name").GetString(), Is.EqualTo("Field Quality"));
        Assert.That(read.Headers.ETag, Is.EqualTo(response.Headers.ETag));
    }

    [Test]
    public async Task Create_WithInvalidFields_Answers400WithEachField()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/departments", new { name = "", code = "has space", parentId = Guid.Empty });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "name", "code", "parentId" }));
    }

    [Test]
    public async Task Create_WithTakenCode_Answers409()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/departments", new { name = "Another", code = "cs" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("department.codeTaken"));
    }

    [Test]
    public async Task Update_WithStaleIfMatch_Answers412AndKeepsTheStoredValues()
    {
        var id = await ApiClient.DepartmentIdAsync("TS");
        var read = await Admin.GetAsync($"/api/v1/departments/{id}");
        var etag = read.Headers.ETag!;
        using (var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/departments/{id}") { Content = JsonContent.Create(new { name = "Tech Support", code = "TS" }) })
        {
            first.Headers.IfMatch.Add(etag);
            await (await Admin.SendAsync(first)).AssertStatusAsync(HttpStatusCode.OK);
        }

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/departments/{id}") { Content = JsonContent.Create(new { name = "Lost update", code = "TS" }) };
        stale.Headers.IfMatch.Add(etag);
        var response = await Admin.SendAsync(stale);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var stored = await (await Admin.GetAsync($"/api/v1/departments/{id}")).ReadJsonAsync();
        Assert.That(stored.GetProperty("name").GetString(), Is.EqualTo("Tech Support"));
    }

    [Test]
    public async Task Update_MakingADescendantTheParent_Answers409()
    {
        var root = await ApiClient.DepartmentIdAsync("QA");
        var child = await (await Admin.PostAsJsonAsync("/api/v1/departments", new { name = "Child", code = "QA-1", parentId = root })).ReadJsonAsync();

        var response = await Admin.PutAsJsonAsync($"/api/v1/departments/{root}", new { name = "Quality", code = "QA", parentId = child.GetProperty("id").GetGuid() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("department.parentCycle"));
    }

    [Test]
    public async Task Deactivate_WithActiveStaff_Answers409_ThenWithoutStaffSucceeds()
    {
        var department = await ApiClient.DepartmentIdAsync("AS");
        var (staffId, _) = await ApiClient.CreateStaffAsync("afterSales", department);

        await (await Admin.PostAsync($"/api/v1/departments/{department}/deactivate", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        await (await Admin.PostAsync($"/api/v1/staff/{staffId}/deactivate", null)).AssertStatusAsync(HttpStatusCode.OK);
        var deactivated = await (await Admin.PostAsync($"/api/v1/departments/{department}/deactivate", null)).ReadJsonAsync();
        Assert.That(deactivated.GetProperty("isActive").GetBoolean(), Is.False);
        var list = await (await Admin.GetAsync("/api/v1/departments")).ReadJsonAsync();
        Assert.That(list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()), Does.Not.Contain(department));
    }

    [Test]
    public async Task List_PagesAndSearches()
    {
        var page = await (await Admin.GetAsync("/api/v1/departments?page=2&pageSize=2")).ReadJsonAsync();
        var search = await (await Admin.GetAsync("/api/v1/departments?search=after")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(page.GetProperty("totalPages").GetInt32(), Is.EqualTo(3));
            Assert.That(search.GetProperty("items").EnumerateArray().Single().GetProperty("code").GetString(), Is.EqualTo("AS"));
        });
    }

    [TestCase("page=0")]
    [TestCase("pageSize=1000")]
    [TestCase("page=abc")]
    public async Task List_WithBadPaging_Answers400(string query)
    {
        var response = await Admin.GetAsync($"/api/v1/departments?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Get_UnknownId_Answers404()
    {
        await (await Admin.GetAsync($"/api/v1/departments/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
