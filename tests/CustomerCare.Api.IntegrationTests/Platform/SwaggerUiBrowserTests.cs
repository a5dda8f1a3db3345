using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// Swagger UI in a real browser (Debian's Chromium through Playwright, as the dashboard's test): an operator uses only
/// "Try it out" and "Authorize" — signs in, authorizes with the token, receives a complaint, reads its ETag from the
/// response headers, registers it with that ETag as If-Match and gets 200 — and a reload keeps the authorization for the
/// browser session. Every field the operator fills is one the contract declares, or Swagger UI would show no input.
/// </summary>
[NonParallelizable]
public sealed partial class SwaggerUiBrowserTests
{
    private LoopbackBrowser _session = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _session = await LoopbackBrowser.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }

    [GeneratedRegex(@"^\s*etag:\s*(?<tag>""[^""]+"")\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ETagLine();

    /// <summary>Opens an operation, presses "Try it out", fills its parameters and body, executes it, and returns the live response.</summary>
    private static async Task<(int Status, string Body, string Headers)> TryItOutAsync(
        IPage page, string tag, string operationId, IReadOnlyDictionary<string, string>? parameters = null, string? body = null)
    {
        var operation = page.Locator($"#operations-{tag}-{operationId}");
        await RevealAsync(page, operation);
        await operation.Locator(".opblock-summary").First.ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            await operation.Locator($"tr[data-param-name='{name}'] input").FillAsync(value);
        }

        if (body is not null)
        {
            await operation.Locator("textarea.body-param__text").FillAsync(body);
        }

        await operation.Locator("button.execute").ClickAsync();
        var live = operation.Locator(".live-responses-table .response");
        await live.Locator(".response-col_status").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var status = int.Parse((await live.Locator(".response-col_status").InnerTextAsync()).Trim()[..3], System.Globalization.CultureInfo.InvariantCulture);
        var responseBody = await live.Locator(".response-col_description .highlight-code code, .response-col_description .highlight-code pre").First.InnerTextAsync();
        var headers = await live.Locator(".response-col_description").InnerTextAsync();
        return (status, responseBody, headers);
    }

    /// <summary>
    /// Scrolls down until the operation is on the page: with as many operations as ours, Swagger UI renders only those
    /// near the viewport (a virtualized list), as it does for a person scrolling.
    /// </summary>
    private static async Task RevealAsync(IPage page, ILocator operation)
    {
        if (await operation.CountAsync() > 0)
        {
            return;
        }

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        for (var step = 0; step < 600 && await operation.CountAsync() == 0; step++)
        {
            await page.EvaluateAsync("() => window.scrollBy(0, 400)");
            await page.WaitForTimeoutAsync(100);
        }
    }

    [Test]
    public async Task AnOperator_SignsIn_Authorizes_ReceivesAComplaint_AndRegistersItWithItsETag_InSwaggerUi()
    {
        await using var context = await _session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync($"{_session.BaseUrl}/swagger/index.html");
        await page.Locator("#operations-Auth-SignIn").WaitForAsync();

        var signIn = await TryItOutAsync(page, "Auth", "SignIn",
            body: JsonSerializer.Serialize(new { email = CustomerCareApiFactory.AdminEmail, password = CustomerCareApiFactory.AdminPassword }));
        Assert.That(signIn.Status, Is.EqualTo(200), signIn.Body);
        var token = JsonDocument.Parse(signIn.Body).RootElement.GetProperty("accessToken").GetString()!;

        await page.Locator(".auth-wrapper button.authorize").ClickAsync();
        var dialog = page.Locator(".modal-ux");
        var bearer = dialog.Locator(".auth-container").Filter(new LocatorFilterOptions { HasText = "Bearer" }).First;
        await bearer.Locator("input").FillAsync(token);
        await bearer.Locator("button.authorize").ClickAsync();
        await dialog.Locator("button.btn-done").First.ClickAsync();

        var received = await TryItOutAsync(page, "Complaints", "ReceiveComplaint",
            body: JsonSerializer.Serialize(new { channel = "phone", title = "水壶漏水", description = "Swagger UI 里登记的投诉", customer = new { name = "王芳", phone = "138 0013 8000" } }));
        Assert.That(received.Status, Is.EqualTo(201), received.Body);
        var id = JsonDocument.Parse(received.Body).RootElement.GetProperty("id").GetString()!;
        var etag = ETagLine().Match(received.Headers);
        Assert.That(etag.Success, Is.True, $"Swagger UI shows no ETag among the response headers: {received.Headers}");

        var registered = await TryItOutAsync(page, "Complaints", "RegisterComplaint",
            new Dictionary<string, string> { ["id"] = id, ["If-Match"] = etag.Groups["tag"].Value },
            JsonSerializer.Serialize(new { category = "productQuality", severity = "general", customerAcknowledged = true }));
        Assert.That(registered.Status, Is.EqualTo(200), registered.Body);
        Assert.That(JsonDocument.Parse(registered.Body).RootElement.GetProperty("status").GetString(), Is.EqualTo("registered"));

        // A reload keeps the authorization for the browser session (sessionStorage), so the next call is still signed in.
        await page.ReloadAsync();
        await page.Locator("#operations-Auth-GetCurrentUser").WaitForAsync();
        var me = await TryItOutAsync(page, "Auth", "GetCurrentUser");
        Assert.Multiple(() =>
        {
            Assert.That(me.Status, Is.EqualTo(200), me.Body);
            Assert.That(problems, Is.Empty, "errors in the page's scripts");
        });

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "swagger-ui.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        TestContext.AddTestAttachment(screenshot, "Swagger UI after the lifecycle");
    }
}
