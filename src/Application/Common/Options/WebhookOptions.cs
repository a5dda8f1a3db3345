using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>Webhook delivery, under <c>CustomerCare:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "CustomerCare:Webhooks";

    /// <summary>How often each replica looks for deliveries due (zero turns the dispatcher off). Default 1 s.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries one pass claims at most.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Deliveries sent at the same time by one replica.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>HTTP attempts per delivery before it is dead (immediate retries included). Default 10.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Polly retries right after a failed attempt (exponential back-off with jitter). Default 2.</summary>
    [Range(0, 10)]
    public int ImmediateRetries { get; set; } = 2;

    /// <summary>First delay of those immediate retries. Default 1 s.</summary>
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before the first scheduled retry; doubles each time, with jitter, up to <see cref="RetryMaxDelay"/>. Default 30 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>One HTTP attempt gives up after this. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claimed delivery belongs to the replica sending it without a renewal. The replica renews it every third of
    /// this while it sends, and stops sending a sixth of it before it would run out unrenewed; should the replica die, the
    /// delivery is claimed again by another one at most this long after the last renewal. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Circuit breaker per receiving host: the failure ratio that opens it…</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>…among at least this many attempts…</summary>
    [Range(2, 10000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>…within this window; it then stays open for <see cref="BreakerBreakDuration"/>.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Allow plain-http receivers (development only). Default false: https only.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Allow receivers on loopback, private and link-local addresses (checked on every connection, so DNS cannot
    /// smuggle them in). Default false, so that a subscription cannot make the server call into its own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Succeeded deliveries and their events are kept this long for inspection. Default 30 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
