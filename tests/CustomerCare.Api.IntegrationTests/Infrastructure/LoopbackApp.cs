using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP server (Kestrel) on a free loopback port, for the systems the API talks to in tests: a partner's webhook
/// receiver, an SMS gateway, group robots, an identity provider. Map its endpoints, then start it.
/// </summary>
public static class LoopbackApp
{
    /// <summary>An app that listens on loopback, on a port the system chooses, and logs nothing.</summary>
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>Starts the app and answers its base address (<c>http://127.0.0.1:port</c>).</summary>
    public static async Task<string> StartOnLoopbackAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}
