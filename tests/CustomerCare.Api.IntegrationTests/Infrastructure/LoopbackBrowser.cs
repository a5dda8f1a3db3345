using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The API listening on a loopback port (for a real browser or a Node.js process), and Debian's Chromium driven by
/// Playwright (which cannot download browsers here, so it is pointed at /usr/bin/chromium, or at <c>CHROMIUM_PATH</c>).
/// </summary>
public sealed class LoopbackBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    private LoopbackBrowser(CustomerCareApiFactory server, string baseUrl)
    {
        Server = server;
        BaseUrl = baseUrl;
    }

    public CustomerCareApiFactory Server { get; }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Starts the API on a loopback port over the test database (already migrated).</summary>
    public static LoopbackBrowser StartApi()
    {
        var server = new CustomerCareApiFactory(Testing.Database.ConnectionString, migrateOnStartup: false);
        server.UseKestrel(0);
        server.StartServer();
        var baseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return new LoopbackBrowser(server, baseUrl);
    }

    /// <summary>Starts the API and a headless Chromium.</summary>
    public static async Task<LoopbackBrowser> StartAsync()
    {
        var session = StartApi();
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.That(File.Exists(chromium), Is.True, $"Chromium is not at {chromium}: scripts/test.sh installs Debian's chromium package.");
        session._playwright = await Playwright.CreateAsync();
        session.Browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await Server.DisposeAsync();
    }
}
