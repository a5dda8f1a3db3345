using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using CustomerCare.Infrastructure.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Api.IntegrationTests.Notifications;

/// <summary>
/// An HTTP SMS gateway on loopback (Kestrel), as an operator's would be: it checks the signature of every request (401
/// when it does not match) and keeps the messages it accepts.
/// </summary>
public sealed class TestSmsGateway : IAsyncDisposable
{
    public const string Secret = "sms-gateway-secret-测试";

    private readonly WebApplication _app;

    private TestSmsGateway(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<SmsGatewayMessage> Accepted { get; } = new();

    public int Refused;

    public static async Task<TestSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new TestSmsGateway(app);
        app.MapPost("/sms", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var timestamp = long.Parse(context.Request.Headers[SmsGatewaySender.TimestampHeader].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Headers[SmsGatewaySender.SignatureHeader] != SmsGatewaySender.Sign(Secret, timestamp, body))
            {
                Interlocked.Increment(ref gateway.Refused);
                return Results.Unauthorized();
            }

            var message = JsonSerializer.Deserialize<SmsGatewayMessage>(Encoding.UTF8.GetString(body), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            gateway.Accepted.Enqueue(message);
            return Results.Json(new { messageId = $"gw-{message.Id:N}" });
        });
        await app.StartAsync();
        gateway.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/sms");
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
