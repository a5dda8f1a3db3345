using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Organisation;

/// <summary>The group chats a department's robots post to.</summary>
public enum GroupRobotKind
{
    /// <summary>A 企业微信 (WeCom) group robot: <c>https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…</c>.</summary>
    WeCom,

    /// <summary>A 钉钉 (DingTalk) custom robot: <c>https://oapi.dingtalk.com/robot/send?access_token=…</c>, optionally signed.</summary>
    DingTalk,
}

/// <summary>
/// A department's group robot: the webhook address its staff notifications are posted to (one per kind), and for a
/// 钉钉 robot with "加签" security its signing secret. Both are credentials: encrypted at rest, shown masked, never logged.
/// </summary>
public sealed class DepartmentRobot : Entity
{
    public const int WebhookUrlMaxLength = 1000;
    public const int SecretMaxLength = 200;

    private DepartmentRobot()
    {
        WebhookUrl = string.Empty;
    }

    private DepartmentRobot(Guid id, Guid departmentId, GroupRobotKind kind, DateTimeOffset now)
        : base(id)
    {
        DepartmentId = departmentId;
        Kind = kind;
        WebhookUrl = string.Empty;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid DepartmentId { get; private set; }

    public GroupRobotKind Kind { get; private set; }

    /// <summary>Where messages are posted; its query carries the robot's key (a credential).</summary>
    public string WebhookUrl { get; private set; }

    /// <summary>The 钉钉 signing secret (<c>SEC…</c>), when the robot is set to sign.</summary>
    public string? Secret { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL <c>xmin</c>): the ETag.</summary>
    public uint Version { get; private set; }

    /// <summary>The address as it may be shown: every query value hidden but its last four characters.</summary>
    public string MaskedUrl => Mask(WebhookUrl);

    public static DepartmentRobot Create(Guid departmentId, GroupRobotKind kind, string webhookUrl, string? secret, DateTimeOffset now)
    {
        var robot = new DepartmentRobot(Guid.CreateVersion7(), departmentId, kind, now);
        robot.Change(webhookUrl, secret, now);
        return robot;
    }

    public void Change(string webhookUrl, string? secret, DateTimeOffset now)
    {
        if (secret is not null && Kind != GroupRobotKind.DingTalk)
        {
            throw new DomainException("robot.secretNotSigned", "Only DingTalk robots sign their messages: leave the secret out.");
        }

        WebhookUrl = Guard.Text(webhookUrl, WebhookUrlMaxLength, "webhookUrl");
        Secret = secret is null ? null : Guard.Text(secret, SecretMaxLength, "secret");
        UpdatedAt = now;
    }

    /// <summary>An address with every query value hidden but its last four characters, e.g. <c>…/send?key=…3f9a</c>.</summary>
    public static string Mask(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return url;
        }

        var pairs = url[(query + 1)..].Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return pair;
            }

            var value = pair[(equals + 1)..];
            return $"{pair[..equals]}=…{(value.Length > 8 ? value[^4..] : string.Empty)}";
        });
        return url[..(query + 1)] + string.Join('&', pairs);
    }
}
