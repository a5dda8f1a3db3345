using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data.Seeding;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Categories;

/// <summary>
/// Categories and causes are data administrators keep: a category routes to its department, a retired one cannot be
/// chosen but stays on the complaints that have it, one in use is never deleted; investigations code their cause and
/// reports count by it. Complaints also say where it happened and how far it reaches, and come by letter or WeChat.
/// </summary>
public class ClassificationTests : AdminIntegrationTest
{
    private ComplaintApi _api = null!;

    [SetUp]
    public void CreateApi() => _api = new ComplaintApi(Admin);

    private Task<HttpResponseMessage> PutAsync(string path, object body) => Admin.PutAsJsonAsync($"/api/v1/{path}", body);

    private async Task<Guid> ReceiveAsync(string? category = null, string title = "Kettle leaks") =>
        (await _api.ReceiveAsync(ComplaintApi.NewComplaint(title, category: category))).GetProperty("id").GetGuid();

    [Test]
    public async Task AFreshDatabase_HasTheDefaultCategoriesAndCauses_WithBothNames_AndPreSalesGoesToTheProductDepartment()
    {
        var categories = await (await Admin.GetAsync("/api/v1/categories")).ReadJsonAsync();
        var causes = await (await Admin.GetAsync("/api/v1/causes")).ReadJsonAsync();
        var reference = await (await Admin.GetAsync("/api/v1/reference-data")).ReadJsonAsync();
        var preSales = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "preSales");
        Assert.Multiple(async () =>
        {
            Assert.That(categories.GetArrayLength(), Is.EqualTo(10));
            Assert.That(preSales.GetProperty("nameZhCn").GetString(), Is.EqualTo("售前咨询"));
            Assert.That(preSales.GetProperty("departmentId").GetGuid(), Is.EqualTo(await ApiClient.DepartmentIdAsync("PD")));
            Assert.That(causes.EnumerateArray().Select(c => c.GetProperty("code").GetString()), Is.EqualTo(new[]
                { "billingSystem", "contentProvider", "network", "other", "packageRestriction", "personalOperation", "terminal" }));
            Assert.That(causes.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "billingSystem").GetProperty("nameZhCn").GetString(),
                Is.EqualTo("计费/BOSS系统"));
            Assert.That(reference.GetProperty("causes").GetArrayLength(), Is.EqualTo(7));
            Assert.That(reference.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("value").GetString()), Does.Contain("letter").And.Contain("wechat"));
            Assert.That(reference.GetProperty("impactScopes").EnumerateArray().Select(c => c.GetProperty("zhCn").GetString()),
                Is.EqualTo(new[] { "单个客户", "多个客户", "区域性", "全网（全部客户）" }));
        });

        // A pre-sales complaint registered goes to the product department.
        var id = await ReceiveAsync();
        var registered = await _api.DoAsync(id, "register", new { category = "preSales", severity = "general", customerAcknowledged = true });
        Assert.That(registered.GetProperty("responsibleDepartmentId").GetGuid(), Is.EqualTo(await ApiClient.DepartmentIdAsync("PD")));
    }

    [Test]
    public async Task ACategoryAnAdministratorAdds_RoutesItsComplaints_OnceRetiredIsRefused_AndInUseIsNeverDeleted()
    {
        var technical = await ApiClient.DepartmentIdAsync("TS");
        var created = await PutAsync("categories/broadbandInstall", new { nameEn = "Broadband installation", nameZhCn = "宽带装机", departmentId = technical });
        await created.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(created.Headers.ETag, Is.Not.Null);

        var id = await ReceiveAsync("broadbandInstall");
        var registered = await _api.DoAsync(id, "register", new { category = "broadbandInstall", severity = "general", customerAcknowledged = true });
        Assert.That(registered.GetProperty("responsibleDepartmentId").GetGuid(), Is.EqualTo(technical));

        // Retired: complaints keep it (and may be reclassified in severity only), new ones cannot choose it.
        var category = await Admin.GetAsync("/api/v1/categories/broadbandInstall");
        using (var retire = new HttpRequestMessage(HttpMethod.Put, "/api/v1/categories/broadbandInstall")
        {
            Content = JsonContent.Create(new { nameEn = "Broadband installation", nameZhCn = "宽带装机", departmentId = technical, active = false }),
        })
        {
            retire.Headers.IfMatch.Add(category.Headers.ETag!);
            await (await Admin.SendAsync(retire)).AssertStatusAsync(HttpStatusCode.OK);
        }

        var refusedAtReceipt = await Admin.PostAsJsonAsync("/api/v1/complaints", ComplaintApi.NewComplaint("Another", category: "broadbandInstall"));
        var other = await ReceiveAsync();
        var refusedAtRegistration = await _api.ActAsync(other, "register", new { category = "broadbandInstall", severity = "general" });
        var unknown = await _api.ActAsync(other, "register", new { category = "noSuchCategory", severity = "general" });
        var keptWhileReclassified = await _api.ActAsync(id, "classification", new { category = "broadbandInstall", severity = "major", reason = "A whole street is down" });
        var listed = await (await Admin.GetAsync("/api/v1/categories")).ReadJsonAsync();
        var listedAll = await (await Admin.GetAsync("/api/v1/categories?includeInactive=true")).ReadJsonAsync();
        var found = await (await Admin.GetAsync($"/api/v1/categories?includeInactive=true&search={Uri.EscapeDataString("装机")}")).ReadJsonAsync();
        var inUse = await Admin.DeleteAsync("/api/v1/categories/broadbandInstall");

        foreach (var refused in new[] { refusedAtReceipt, refusedAtRegistration, unknown })
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").TryGetProperty("category", out _), Is.True, problem.ToString());
        }

        await keptWhileReclassified.AssertStatusAsync(HttpStatusCode.OK);
        var conflict = await inUse.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Multiple(() =>
        {
            Assert.That(conflict.GetProperty("complaints").GetInt32(), Is.EqualTo(1), conflict.ToString());
            Assert.That(listed.EnumerateArray().Select(c => c.GetProperty("code").GetString()), Does.Not.Contain("broadbandInstall"));
            Assert.That(found.EnumerateArray().Select(c => c.GetProperty("code").GetString()), Is.EqualTo(new[] { "broadbandInstall" }));
            Assert.That(listedAll.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "broadbandInstall").GetProperty("isActive").GetBoolean(), Is.False);
        });

        // One nobody used goes; a stale If-Match is a 412, an unknown department a 400.
        await (await PutAsync("categories/spare", new { nameEn = "Spare", nameZhCn = "备用", departmentId = technical })).AssertStatusAsync(HttpStatusCode.OK);
        using (var stale = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/categories/spare"))
        {
            stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
            await (await Admin.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        await (await Admin.DeleteAsync("/api/v1/categories/spare")).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await Admin.GetAsync("/api/v1/categories/spare")).AssertProblemAsync(HttpStatusCode.NotFound);
        var badDepartment = await PutAsync("categories/spare", new { nameEn = "Spare", nameZhCn = "备用", departmentId = Guid.NewGuid() });
        var badCode = await PutAsync("categories/1st", new { nameEn = "Spare", nameZhCn = "备用", departmentId = technical });
        Assert.That((await badDepartment.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("departmentId", out _), Is.True);
        await badCode.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task AnInvestigation_CodesItsCause_FromActiveCausesOnly_AndACauseInUseIsRetiredNotDeleted()
    {
        await (await PutAsync("causes/ivrMenu", new { nameEn = "IVR menu", nameZhCn = "语音导航菜单" })).AssertStatusAsync(HttpStatusCode.OK);
        var id = await ReceiveAsync();
        await _api.DoAsync(id, "register", new { category = "serviceAttitude", severity = "general", customerAcknowledged = true });

        var missing = await _api.ActAsync(id, "investigation", new { findings = "Menu loops", isGenuine = true });
        var unknown = await _api.ActAsync(id, "investigation", new { findings = "Menu loops", cause = "noSuchCause", isGenuine = true });
        var found = await _api.ActAsync(id, "investigation", new { findings = "Menu loops", cause = "ivrMenu", rootCause = "菜单第三层无法返回", isGenuine = true });
        foreach (var refused in new[] { missing, unknown })
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").TryGetProperty("cause", out _), Is.True, problem.ToString());
        }

        var body = await found.ReadJsonAsync();
        Assert.That(found.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("investigation").GetProperty("cause").GetString(), Is.EqualTo("ivrMenu"));
            Assert.That(body.GetProperty("investigation").GetProperty("rootCause").GetString(), Is.EqualTo("菜单第三层无法返回"));
        });

        var inUse = await (await Admin.DeleteAsync("/api/v1/causes/ivrMenu")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(inUse.GetProperty("complaints").GetInt32(), Is.EqualTo(1));

        // Retired, it cannot be found again; a complaint found not genuine has a cause too (the customer's own operation).
        await (await PutAsync("causes/ivrMenu", new { nameEn = "IVR menu", nameZhCn = "语音导航菜单", active = false })).AssertStatusAsync(HttpStatusCode.OK);
        var next = await ReceiveAsync(title: "Menu again");
        await _api.DoAsync(next, "register", new { category = "serviceAttitude", severity = "general", customerAcknowledged = true });
        var retired = await _api.ActAsync(next, "investigation", new { findings = "Menu loops", cause = "ivrMenu", isGenuine = true });
        Assert.That((await retired.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("cause", out _), Is.True);
        await (await _api.ActAsync(next, "investigation", new { findings = "Menu works as designed", cause = "personalOperation", isGenuine = false })).AssertStatusAsync(HttpStatusCode.OK);

        // Names follow the caller's language in the hotspots.
        using var chinese = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/complaints/hotspots");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var hotspots = await (await Admin.SendAsync(chinese)).ReadJsonAsync();
        var spot = hotspots.GetProperty("causes").GetProperty("byVolume").EnumerateArray().Single(h => h.GetProperty("key").GetString() == "ivrMenu");
        Assert.Multiple(() =>
        {
            Assert.That(spot.GetProperty("key").GetString(), Is.EqualTo("ivrMenu"));
            Assert.That(spot.GetProperty("label").GetString(), Is.EqualTo("语音导航菜单"));
            Assert.That(spot.GetProperty("count").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AComplaint_SaysWhereAndHowFarItReaches_ComesByWeChat_AndItsLocationGoesWithTheCustomer()
    {
        var received = await _api.ReceiveAsync(new
        {
            channel = "wechat",
            customer = new { name = "欧阳修", phone = "138 0013 8111" },
            title = "小区宽带断网",
            description = "整栋楼从昨晚开始无法上网。",
            location = "上海市徐汇区漕溪北路 88 弄",
            scope = "severalCustomers",
        });
        var id = received.GetProperty("id").GetGuid();
        var letter = await _api.ReceiveAsync(new { channel = "letter", customer = new { name = "王芳", phone = "138 0013 8112" }, title = "来信投诉", description = "信函内容" });
        var registered = await _api.DoAsync(id, "register", new { category = "technicalFault", severity = "major", customerAcknowledged = true, scope = "region" });
        var badScope = await Admin.PostAsJsonAsync("/api/v1/complaints", new { channel = "phone", customer = new { name = "王芳", phone = "138 0013 8112" }, title = "t", description = "d", scope = "galaxy" });
        var list = await (await Admin.GetAsync("/api/v1/complaints")).ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(received.GetProperty("channel").GetString(), Is.EqualTo("wechat"));
            Assert.That(received.GetProperty("location").GetString(), Is.EqualTo("上海市徐汇区漕溪北路 88 弄"));
            Assert.That(received.GetProperty("scope").GetString(), Is.EqualTo("severalCustomers"));
            Assert.That(letter.GetProperty("channel").GetString(), Is.EqualTo("letter"));
            Assert.That(letter.GetProperty("scope").GetString(), Is.EqualTo("singleCustomer"), "a complaint is about its customer unless said otherwise");
            Assert.That(registered.GetProperty("scope").GetString(), Is.EqualTo("region"));
            Assert.That(list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id).GetProperty("scope").GetString(), Is.EqualTo("region"));
            Assert.That((await badScope.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("$.scope", out _), Is.True);
        });

        var customerId = (await _api.GetAsync(id)).Body.GetProperty("customerId").GetGuid();
        await (await Admin.PostAsync($"/api/v1/customers/{customerId}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.That((await _api.GetAsync(id)).Body.GetProperty("location").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task TheFirstStartAfterTheUpgrade_TurnsTheCodesComplaintsHaveIntoCategoriesAndCauses()
    {
        var id = await ReceiveAsync();
        await _api.DoAsync(id, "register", new { category = "logistics", severity = "general", customerAcknowledged = true });
        await _api.DoAsync(id, "investigation", ComplaintApi.Investigation);

        // Before the upgrade: codes came from configuration (one the defaults never had), nothing was stored.
        await using (var connection = new NpgsqlConnection(Testing.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var rewind = new NpgsqlCommand(
                """
                UPDATE complaints SET category = 'cableTv', investigation = jsonb_set(investigation, '{Cause}', '"legacyCause"') WHERE id = @id;
                DELETE FROM complaint_categories; DELETE FROM complaint_causes;
                """, connection);
            rewind.Parameters.AddWithValue("id", id);
            await rewind.ExecuteNonQueryAsync();
        }

        await Testing.Factory.Services.SeedAsync();

        var cableTv = await (await Admin.GetAsync("/api/v1/categories/cableTv")).ReadJsonAsync();
        var legacy = await (await Admin.GetAsync("/api/v1/causes/legacyCause")).ReadJsonAsync();
        var categories = await (await Admin.GetAsync("/api/v1/categories")).ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(cableTv.GetProperty("departmentId").GetGuid(), Is.EqualTo(await ApiClient.DepartmentIdAsync(DatabaseSeeder.CustomerServiceCode)));
            Assert.That(cableTv.GetProperty("nameEn").GetString(), Is.EqualTo("cableTv"), "named by its code until an administrator names it");
            Assert.That(legacy.GetProperty("isActive").GetBoolean(), Is.True);
            Assert.That(categories.GetArrayLength(), Is.EqualTo(11), "the ten defaults and the one complaints had");
        });
    }
}
