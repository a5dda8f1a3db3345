using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace CustomerCare.Resilience.Tests.Infrastructure;

/// <summary>A webhook endpoint on loopback that accepts every delivery and remembers what it carried.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    public WebhookReceiver()
    {
        var port = OwnCluster.FreePort();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _receiving = Task.Run(ReceiveAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string EventId, string Type, Guid ComplaintId)> Deliveries { get; } = new();

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
                Deliveries.Enqueue((body.GetProperty("id").GetString()!, body.GetProperty("type").GetString()!,
                    body.GetProperty("data").GetProperty("complaintId").GetGuid()));
                context.Response.StatusCode = 204;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or HttpListenerException or IOException)
            {
                context.Response.StatusCode = 400;
            }

            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _receiving;
        _listener.Close();
        _stop.Dispose();
    }
}
