using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no peer address (nor a local port): this start-up filter gives every request one (and
/// the port it arrived on, when given).
/// </summary>
public sealed class FixedRemoteAddress(IPAddress address, int? localPort = null) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            if (localPort is { } port)
            {
                context.Connection.LocalPort = port;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
