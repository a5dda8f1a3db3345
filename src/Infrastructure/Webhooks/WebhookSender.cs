using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>What one HTTP attempt came to.</summary>
public sealed record AttemptRecord(DateTimeOffset At, TimeSpan Duration, int? StatusCode, string? Error, string? ResponseBody)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Worth retrying at once: no answer, a timeout, 408, 429 or 5xx. Other 4xx wait for the scheduled retry.</summary>
    public bool Transient => StatusCode is null or 408 or 429 or >= 500;
}

public sealed record SendResult(IReadOnlyList<AttemptRecord> Attempts, bool CircuitOpen, TimeSpan? RetryAfter)
{
    public bool Succeeded => Attempts.Count > 0 && Attempts[^1].Succeeded;
}

/// <summary>
/// Sends one signed delivery through a Polly pipeline of the subscription and receiving host (one per subscription and
/// scheme://host:port): a few
/// immediate retries with exponential back-off and jitter, a circuit breaker, and a timeout per attempt. Every HTTP
/// attempt is reported, so the delivery log shows each of them.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptionsMonitor<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "CustomerCare.Webhooks";

    private readonly ResiliencePipelineRegistry<string> _pipelines = new();

    /// <param name="subscriptionId">
    /// Keys the pipeline (with the receiving host): one partner's failing receiver opens the circuit of its own subscription
    /// only, never another's that points at the same host.
    /// </param>
    public async Task<SendResult> SendAsync(
        Guid subscriptionId, Uri url, string secret, Guid deliveryId, string eventType, byte[] body, int attemptsLeft, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var pipeline = _pipelines.GetOrAddPipeline<AttemptRecord>($"{subscriptionId:N} {url.GetLeftPart(UriPartial.Authority)}", builder => builder
            .AddRetry(new RetryStrategyOptions<AttemptRecord>
            {
                MaxRetryAttempts = Math.Max(1, settings.ImmediateRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.ImmediateRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(settings.ImmediateRetries > 0
                    && args.Outcome.Result is { Succeeded: false, Transient: true }
                    && args.Context.Properties.TryGetValue(AttemptsLeftKey, out var left) && left.Value > 0),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptRecord>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Succeeded: false, Transient: true }),
            })
            .AddTimeout(settings.AttemptTimeout));

        var attempts = new List<AttemptRecord>();
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(AttemptsLeftKey, new Counter(attemptsLeft));
        try
        {
            await pipeline.ExecuteAsync(async (ctx, state) =>
            {
                var record = await AttemptAsync(url, secret, deliveryId, eventType, body, ctx.CancellationToken, ct);
                state.Add(record);
                if (ctx.Properties.TryGetValue(AttemptsLeftKey, out var left))
                {
                    left.Value--;
                }

                return record;
            }, context, attempts);
            return new SendResult(attempts, CircuitOpen: false, null);
        }
        catch (BrokenCircuitException open)
        {
            return new SendResult(attempts, CircuitOpen: true, open.RetryAfter ?? settings.BreakerBreakDuration);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static readonly ResiliencePropertyKey<Counter> AttemptsLeftKey = new("CustomerCare.Webhooks.AttemptsLeft");

    private async Task<AttemptRecord> AttemptAsync(
        Uri url, string secret, Guid deliveryId, string eventType, byte[] body, CancellationToken attemptToken, CancellationToken stopping)
    {
        var at = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var id = deliveryId.ToString();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, id, timestamp, body));
        request.Headers.Add(WebhookSignature.EventTypeHeader, eventType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("CustomerCare-Webhooks", "1"));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken);
            var text = await ReadSomeAsync(response, attemptToken);
            return new AttemptRecord(at, Stopwatch.GetElapsedTime(started), (int)response.StatusCode, null, text);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new AttemptRecord(at, Stopwatch.GetElapsedTime(started), null, "No answer within the attempt timeout.", null);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptRecord(at, Stopwatch.GetElapsedTime(started), null, ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message, null);
        }
        catch (TimeoutRejectedException)
        {
            return new AttemptRecord(at, Stopwatch.GetElapsedTime(started), null, "No answer within the attempt timeout.", null);
        }
    }

    private static async Task<string?> ReadSomeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new char[Domain.Webhooks.WebhookDeliveryAttempt.ResponseMaxLength];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var read = await reader.ReadBlockAsync(buffer, ct);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private sealed class Counter(int value)
    {
        public int Value { get; set; } = value;
    }
}
