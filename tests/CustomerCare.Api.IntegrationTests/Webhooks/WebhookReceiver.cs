using System.Collections.Concurrent;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CustomerCare.Api.IntegrationTests.Webhooks;

/// <summary>A real HTTP receiver on loopback (Kestrel), as a partner would run one: it can fail the first N requests, or all while down.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        FailFirst = failFirst;
    }

    public Uri Url { get; private set; } = null!;

    public int FailFirst { get; }

    /// <summary>The body of a failure answer (none when null).</summary>
    public string? FailureBody { get; set; }

    /// <summary>While true, every request gets 503.</summary>
    public bool Down { get; set; }

    public int Requests => _requests;

    /// <summary>How long the receiver takes before it answers each request (a slow partner system).</summary>
    public TimeSpan Stall { get; set; }

    /// <summary>Requests whose sender gave up (closed the connection) while the receiver was still stalling.</summary>
    public int Abandoned => AbandonedAt.Count;

    /// <summary>When each abandoned request was given up on (UTC).</summary>
    public ConcurrentQueue<DateTime> AbandonedAt { get; } = new();

    /// <summary>Requests answered 2xx, in arrival order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Accepted { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var app = LoopbackApp.Create();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref receiver._requests);
            try
            {
                await Task.Delay(receiver.Stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                receiver.AbandonedAt.Enqueue(DateTime.UtcNow);
                return Results.Empty;
            }

            if (receiver.Down || n <= receiver.FailFirst)
            {
                var status = receiver.Down ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
                return receiver.FailureBody is { } text ? Results.Text(text, statusCode: status) : Results.StatusCode(status);
            }

            receiver.Accepted.Enqueue(new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(), context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(), context.Request.Headers["webhook-event-type"].ToString(), body,
                context.Request.Headers["traceparent"].ToString()));
            return Results.NoContent();
        });
        receiver.Url = new Uri($"{await app.StartOnLoopbackAsync()}/hooks");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string EventType, string Body, string TraceParent = "")
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
