using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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

    /// <summary>The <c>traceparent</c> of each accepted request (empty when it had none).</summary>
    public ConcurrentQueue<string> TraceParents { get; } = new();

    public int Refused;

    public static async Task<TestSmsGateway> StartAsync()
    {
        var app = LoopbackApp.Create();
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
            gateway.TraceParents.Enqueue(context.Request.Headers["traceparent"].ToString());
            return Results.Json(new { messageId = $"gw-{message.Id:N}" });
        });
        gateway.Url = new Uri(await app.StartOnLoopbackAsync() + "/sms");
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
