using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// Texts for people follow Accept-Language — English by default, Simplified Chinese for zh, zh-CN or zh-Hans — and
/// Content-Language names the one used; values for machines (problem type, field names, codes) never change.
/// </summary>
public sealed class LocalisationTests : AdminIntegrationTest
{
    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Problem)> SendAsync(
        string? language, HttpMethod method, string url, object? body = null, EntityTagHeaderValue? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await Admin.SendAsync(request);
        var status = response.StatusCode;
        return (response, await response.AssertProblemAsync(status));
    }

    private static string ContentLanguage(HttpResponseMessage response) => string.Join(",", response.Content.Headers.ContentLanguage);

    [TestCase("zh-CN")]
    [TestCase("zh-Hans-CN, en;q=0.5")]
    [TestCase("zh")]
    public async Task AskedInChinese_ProblemsAndValidationMessages_AreInChinese(string language)
    {
        var (invalid, validation) = await SendAsync(language, HttpMethod.Post, "/api/v1/complaints", new { channel = "phone", description = "没有标题" });
        var (missing, notFound) = await SendAsync(language, HttpMethod.Get, $"/api/v1/complaints/{Guid.NewGuid()}");
        var (_, ours) = await SendAsync(language, HttpMethod.Post, "/api/v1/complaints",
            new { title = "两种客户", description = "既给了 customerId 又给了 customer", customerId = Guid.NewGuid(), customer = new { name = "王芳", phone = "138 0013 8000" } });

        Assert.Multiple(() =>
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(ContentLanguage(invalid), Is.EqualTo("zh-CN"));
            Assert.That(validation.GetProperty("title").GetString(), Is.EqualTo("请求有一处或多处校验错误。"));
            Assert.That(validation.GetProperty("type").GetString(), Is.EqualTo("/problems/validation"), "machine values do not change");
            Assert.That(validation.GetProperty("errors").GetProperty("title")[0].GetString(), Does.Match(@"\p{IsCJKUnifiedIdeographs}"),
                "FluentValidation's own message in Chinese");
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(ContentLanguage(missing), Is.EqualTo("zh-CN"));
            Assert.That(notFound.GetProperty("title").GetString(), Is.EqualTo("未找到该资源。"));
            Assert.That(ours.GetProperty("errors").GetProperty("channel")[0].GetString(), Does.StartWith("必填；请使用以下之一：phone, email"),
                "our own messages (Resources/ValidationMessages) in Chinese; the values in them stay as the API spells them");
            Assert.That(ours.GetProperty("errors").GetProperty("customer")[0].GetString(), Is.EqualTo("请提供 customerId 或 customer 之一，不能同时提供。"));
        });
    }

    [Test]
    public async Task TheDetailsOfOurRefusals_AreInChinese_WithStatusesAndActionsByTheirDisplayNames_WhileCodesStay()
    {
        var complaints = new ComplaintApi(Admin);
        var id = (await complaints.ReceiveAsync()).GetProperty("id").GetGuid();
        var (_, etag) = await complaints.GetAsync(id);
        var missingId = Guid.NewGuid();

        var (_, chinese) = await SendAsync("zh-CN", HttpMethod.Post, $"/api/v1/complaints/{id}/resolve", new { outcome = "已换新", fedBackVia = "phone" }, etag);
        var (_, english) = await SendAsync(null, HttpMethod.Post, $"/api/v1/complaints/{id}/resolve", new { outcome = "Replaced", fedBackVia = "phone" }, etag);
        var (_, notFound) = await SendAsync("zh-CN", HttpMethod.Get, $"/api/v1/complaints/{missingId}");
        var (_, noIfMatch) = await SendAsync("zh-CN", HttpMethod.Post, $"/api/v1/complaints/{id}/register",
            new { category = "productQuality", severity = "general", customerAcknowledged = true });
        var (_, unknownCustomer) = await SendAsync("zh-CN", HttpMethod.Post, "/api/v1/complaints",
            new { channel = "phone", title = "水壶漏水", description = "底座漏水", customerId = missingId });
        var actionNames = (await (await Admin.GetAsync("/api/v1/reference-data")).ReadJsonAsync()).GetProperty("complaintActions").EnumerateArray()
            .ToDictionary(a => a.GetProperty("value").GetString()!, a => a.GetProperty("zhCn").GetString()!);
        var allowed = english.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(allowed, Does.Contain("register"));
            Assert.That(english.GetProperty("detail").GetString(),
                Is.EqualTo($"Cannot resolve a complaint that is received. Allowed now: {string.Join(", ", allowed)}."));
            Assert.That(chinese.GetProperty("detail").GetString(),
                Is.EqualTo($"无法对状态为“已受理”的投诉执行“解决”。当前允许：{string.Join("、", allowed.Select(a => actionNames[a]))}。"),
                "the names GET /reference-data gives, in the sentence");
            Assert.That(chinese.GetProperty("code").GetString(), Is.EqualTo("complaint.invalidTransition"));
            Assert.That(chinese.GetProperty("code").GetString(), Is.EqualTo(english.GetProperty("code").GetString()));
            Assert.That(chinese.GetProperty("currentStatus").GetString(), Is.EqualTo("received"), "machine values stay as the API spells them");
            Assert.That(chinese.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(allowed));
            Assert.That(notFound.GetProperty("detail").GetString(), Is.EqualTo($"未找到投诉“{missingId}”。"));
            Assert.That(noIfMatch.GetProperty("detail").GetString(),
                Is.EqualTo("请在 If-Match 中发送该投诉当前的 ETag（来自 GET）：对它的修改必须指明所基于的版本。"));
            Assert.That(unknownCustomer.GetProperty("errors").GetProperty("customerId")[0].GetString(), Is.EqualTo("没有使用此 ID 的客户。"));
        });
    }

    [TestCase(null)]
    [TestCase("en-GB")]
    [TestCase("fr-FR, de;q=0.8")]
    public async Task OtherwiseTheyAreInEnglish(string? language)
    {
        var (invalid, validation) = await SendAsync(language, HttpMethod.Post, "/api/v1/complaints", new { channel = "phone", description = "No title" });

        Assert.Multiple(() =>
        {
            Assert.That(ContentLanguage(invalid), Is.EqualTo("en"));
            Assert.That(validation.GetProperty("title").GetString(), Is.EqualTo("One or more validation errors occurred."));
            Assert.That(validation.GetProperty("errors").GetProperty("title")[0].GetString(), Does.Not.Match(@"\p{IsCJKUnifiedIdeographs}"));
            Assert.That(validation.GetProperty("errors").GetProperty("title")[0].GetString(), Is.EqualTo("'Title' must not be empty."));
        });
    }

    [Test]
    public async Task ASuccessfulAnswer_NamesItsLanguageToo_AndItsDataDoesNotChange()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var response = await Admin.SendAsync(request);
        var me = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ContentLanguage(response), Is.EqualTo("zh-CN"));
            Assert.That(me.GetProperty("roles")[0].GetString(), Is.EqualTo("admin"));
        });
    }

    [Test]
    public async Task ChineseText_IsWrittenAsUtf8_NotAsEscapes()
    {
        // ASP.NET Core writes its JSON with the relaxed encoder: three bytes a Chinese character, where the serializer's
        // default would write six (\uXXXX). Bodies go to clients, never into a page, so nothing needs escaping for HTML.
        var complaint = await new ComplaintApi(Admin).ReceiveAsync(new
        {
            channel = "phone", title = "宽带断网三天", description = "客户说：“整栋楼都断网了”，要求赔偿。",
            customer = new { name = "王芳", phone = "138 0013 8000" },
        });
        var id = complaint.GetProperty("id").GetGuid();
        var body = await (await Admin.GetAsync($"/api/v1/complaints/{id}")).Content.ReadAsStringAsync();
        var (refused, _) = await SendAsync("zh-CN", HttpMethod.Post, "/api/v1/complaints", new { channel = "phone", description = "没有标题" });
        var problem = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(body, Does.Contain("宽带断网三天"), "a resource's Chinese as UTF-8");
            Assert.That(body, Does.Contain("客户说：“整栋楼都断网了”，要求赔偿。"), "full-width punctuation too");
            Assert.That(body, Does.Not.Contain("\\u5BBD").IgnoreCase);
            Assert.That(problem, Does.Contain("请求有一处或多处校验错误。"), "a problem's Chinese as UTF-8 too");
        });
    }
}
