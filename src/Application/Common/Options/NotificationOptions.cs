using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>Notifications to customers and staff, under <c>CustomerCare:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "CustomerCare:Notifications";

    /// <summary>The SMTP server e-mails go through; without a host, e-mails are recorded as not sent (channel not configured).</summary>
    public EmailChannelOptions Email { get; set; } = new();

    /// <summary>The HTTP SMS gateway; without a URL, text messages are recorded as not sent (channel not configured).</summary>
    public SmsChannelOptions Sms { get; set; } = new();

    /// <summary>The time of day, on the business calendar's clock, a greeting care task's greeting is sent on its day. Default 10:00.</summary>
    public TimeOnly GreetingTime { get; set; } = new(10, 0);

    /// <summary>Where department group robots (企业微信, 钉钉) may post.</summary>
    public RobotChannelOptions Robots { get; set; } = new();

    /// <summary>Language of the templates for a customer without a preferred one (zh-CN or en). Default zh-CN.</summary>
    [RegularExpression("^(zh-CN|en)$")]
    public string DefaultLanguage { get; set; } = "zh-CN";

    /// <summary>How often each replica looks for notifications due (zero turns the dispatcher off). Default 1 s.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Notifications one replica claims and sends at the same time. Default 4.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>Attempts per notification before it is dead. Default 8.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Polly retries right after a failed attempt, within the same pass (exponential back-off with jitter). Default 1.</summary>
    [Range(0, 5)]
    public int ImmediateRetries { get; set; } = 1;

    /// <summary>First delay of those immediate retries. Default 1 s.</summary>
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of failed sends on a channel, within <see cref="BreakerSamplingDuration"/>, that pauses it. Default 0.9.</summary>
    [Range(0.1, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.9;

    /// <summary>Sends on a channel within the sampling window before the breaker may open. Default 20.</summary>
    [Range(2, 100000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a failing channel is paused. Default 30 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay before the first scheduled retry; doubles each time, with jitter, up to <see cref="RetryMaxDelay"/>. Default 30 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>One attempt (an SMTP conversation, a gateway call) gives up after this. Default 20 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a claimed notification belongs to the replica sending it. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A text-message template longer than this many segments (with sample values) is refused. Default 3.</summary>
    [Range(1, 10)]
    public int MaxSmsSegments { get; set; } = 3;
}

public sealed class EmailChannelOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (default: upgrade a plain connection, required), <c>Tls</c> (TLS from the first byte, port 465) or
    /// <c>None</c> (a relay on a trusted network or a test server only).
    /// </summary>
    public SmtpSecurity UseTls { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>客服中心 &lt;care@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>
    /// The SHA-256 fingerprint (hex, colons allowed) of the mail server's certificate, to trust a server whose certificate
    /// no authority this machine trusts has signed — an internal relay's own. Without it, the usual chain and name checks
    /// decide; with it, that certificate (and no other) is also accepted.
    /// </summary>
    [RegularExpression("^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$")]
    public string? TrustedCertificateSha256 { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

public enum SmtpSecurity
{
    StartTls,
    Tls,
    None,
}

public sealed class SmsChannelOptions
{
    /// <summary>Where the gateway takes messages (POST, JSON; see docs/notifications.md).</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The shared secret of the HMAC-SHA256 signature each request carries.</summary>
    public string? Secret { get; set; }

    /// <summary>The sender name or number the gateway shows (a registered 短信签名 in mainland China).</summary>
    public string? Sender { get; set; }

    public bool IsConfigured => GatewayUrl is not null && !string.IsNullOrWhiteSpace(Secret);
}

public sealed class RobotChannelOptions
{
    /// <summary>The public API hosts of 企业微信 and 钉钉: robots may always post there.</summary>
    public static readonly IReadOnlyList<string> PublicHosts = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"];

    /// <summary>
    /// Further hosts a robot's webhook address may name (a private 企业微信 deployment). Only these and the public hosts are
    /// accepted, so that an administrator's address cannot reach into the deployment's own network.
    /// </summary>
    public string[] AdditionalHosts { get; set; } = [];

    public bool IsAllowedHost(string host) =>
        PublicHosts.Concat(AdditionalHosts).Contains(host, StringComparer.OrdinalIgnoreCase);

    /// <summary>Accept plain <c>http</c> addresses (a test receiver only). Default false.</summary>
    public bool AllowHttp { get; set; }
}
