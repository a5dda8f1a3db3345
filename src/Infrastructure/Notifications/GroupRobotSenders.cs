using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Notifications;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Notifications;

/// <summary>
/// Staff notifications posted to a department's group chat by its robot, as plain text (<c>msgtype: text</c>: a title
/// or a customer's words cannot turn into markup or links). The robot's address — and a 钉钉 robot's secret — are read
/// when the message is sent, so a changed or removed robot applies to what waits. Both platforms answer HTTP 200 with
/// <c>{"errcode":0,"errmsg":"ok"}</c>; another code is retried when it means "too fast" or "busy", else refused for good.
/// </summary>
public abstract class GroupRobotSender(IServiceScopeFactory scopes, IHttpClientFactory clients, IOptionsMonitor<NotificationOptions> options)
    : INotificationSender
{
    public const string HttpClientName = "group-robots";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public abstract NotificationChannel Channel { get; }

    /// <summary>Always: whether a department has a robot is its address, decided when a notification is planned.</summary>
    public bool IsConfigured => true;

    protected abstract GroupRobotKind Kind { get; }

    /// <summary>The platform's codes that mean "later" (rate limit, busy).</summary>
    protected abstract IReadOnlySet<int> RetryCodes { get; }

    /// <summary>Where to post: the robot's address, signed when the platform wants it.</summary>
    protected abstract Uri Target(DepartmentRobot robot);

    public async Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        DepartmentRobot? robot;
        await using (var scope = scopes.CreateAsyncScope())
        {
            robot = await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().DepartmentRobots.AsNoTracking()
                .SingleOrDefaultAsync(r => r.DepartmentId == notification.RecipientId && r.Kind == Kind, cancellationToken);
        }

        if (robot is null)
        {
            return SendOutcome.Refused("The department has no such robot any more.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.AttemptTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .PostAsJsonAsync(Target(robot), new RobotTextMessage("text", new RobotText(notification.Text)), Json, timeout.Token);
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            var said = SendOutcome.Said(response.StatusCode, answer);
            if (!response.IsSuccessStatusCode)
            {
                return SendOutcome.ForFailedHttp(response.StatusCode, said);
            }

            var code = ErrorCode(answer);
            return code switch
            {
                0 => SendOutcome.Success(said),
                null => SendOutcome.Retry(said),
                _ when RetryCodes.Contains(code.Value) => SendOutcome.Retry(said),
                _ => SendOutcome.Refused(said),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendOutcome.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static int? ErrorCode(string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A 企业微信 group robot (群机器人): <c>POST {webhook}</c> with <c>{"msgtype":"text","text":{"content":…}}</c>.
/// 45009 (too many messages) and -1 (busy) are retried.
/// </summary>
public sealed class WeComRobotSender(IServiceScopeFactory scopes, IHttpClientFactory clients, IOptionsMonitor<NotificationOptions> options)
    : GroupRobotSender(scopes, clients, options)
{
    private static readonly HashSet<int> Later = [-1, 45009];

    public override NotificationChannel Channel => NotificationChannel.WeComRobot;

    protected override GroupRobotKind Kind => GroupRobotKind.WeCom;

    protected override IReadOnlySet<int> RetryCodes => Later;

    protected override Uri Target(DepartmentRobot robot) => new(robot.WebhookUrl);
}

/// <summary>
/// A 钉钉 custom robot (自定义机器人): <c>POST {webhook}</c> with <c>{"msgtype":"text","text":{"content":…}}</c>; with "加签"
/// security the address also carries <c>timestamp</c> (milliseconds) and <c>sign</c>, the Base64 HMAC-SHA256 keyed
/// with the secret of <c>"{timestamp}\n{secret}"</c>, URL-encoded. 130101 (too fast) and -1 (busy) are retried.
/// </summary>
public sealed class DingTalkRobotSender(
    IServiceScopeFactory scopes, IHttpClientFactory clients, IOptionsMonitor<NotificationOptions> options, TimeProvider time)
    : GroupRobotSender(scopes, clients, options)
{
    private static readonly HashSet<int> Later = [-1, 130101];

    public override NotificationChannel Channel => NotificationChannel.DingTalkRobot;

    protected override GroupRobotKind Kind => GroupRobotKind.DingTalk;

    protected override IReadOnlySet<int> RetryCodes => Later;

    /// <summary>钉钉's signature: Base64 of HMAC-SHA256, keyed with the secret's UTF-8 bytes, of <c>"{timestamp}\n{secret}"</c>.</summary>
    public static string Sign(string secret, long timestampMilliseconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestampMilliseconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret)));

    protected override Uri Target(DepartmentRobot robot)
    {
        if (robot.Secret is null)
        {
            return new Uri(robot.WebhookUrl);
        }

        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        var separator = robot.WebhookUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new Uri(FormattableString.Invariant(
            $"{robot.WebhookUrl}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(robot.Secret, timestamp))}"));
    }
}

/// <summary>The text message both platforms take.</summary>
public sealed record RobotTextMessage(
    [property: JsonPropertyName("msgtype")] string MsgType, [property: JsonPropertyName("text")] RobotText Text);

public sealed record RobotText([property: JsonPropertyName("content")] string Content);
