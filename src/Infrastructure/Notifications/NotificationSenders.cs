using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Notifications;

namespace CustomerCare.Infrastructure.Notifications;

/// <summary>A notification as a sender gets it: where it goes and what it says.</summary>
public sealed record OutgoingNotification(Guid Id, NotificationChannel Channel, Guid RecipientId, string Address, string? Subject, string Text, string? Html, string Language);

/// <summary>What one attempt came to: sent, failed for now (retry), or refused for good (no retry helps).</summary>
public sealed record SendOutcome(bool Sent, bool Permanent, string Answer)
{
    public static SendOutcome Success(string answer) => new(true, false, answer);

    public static SendOutcome Retry(string answer) => new(false, false, answer);

    public static SendOutcome Refused(string answer) => new(false, true, answer);

    /// <summary>
    /// An HTTP answer that is not 2xx: a 4xx (but 408 and 429) will never be accepted, anything else may be later.
    /// <paramref name="said"/> is what to keep of the answer.
    /// </summary>
    public static SendOutcome ForFailedHttp(System.Net.HttpStatusCode status, string said) =>
        (int)status is >= 400 and < 500 && status is not (System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests)
            ? Refused(said)
            : Retry(said);

    /// <summary>The status and at most 500 characters of the body, as a notification keeps an answer.</summary>
    public static string Said(System.Net.HttpStatusCode status, string body) =>
        $"{(int)status} {(body.Length > 500 ? body[..500] : body)}".Trim();
}

/// <summary>
/// One way of sending notifications (SMTP e-mail, the SMS gateway, a group robot). A new channel — WeChat template
/// messages, say — is a value of <see cref="NotificationChannel"/> and one class implementing this, registered in
/// DependencyInjection.
/// </summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    /// <summary>Whether this deployment has the settings the channel needs.</summary>
    bool IsConfigured { get; }

    Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}

/// <summary>The channels configured in this deployment, from the senders registered.</summary>
internal sealed class NotificationChannels(IEnumerable<INotificationSender> senders) : INotificationChannels
{
    private readonly Dictionary<NotificationChannel, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);

    public bool IsConfigured(NotificationChannel channel) => _senders.TryGetValue(channel, out var sender) && sender.IsConfigured;

    public INotificationSender? SenderFor(NotificationChannel channel) => _senders.GetValueOrDefault(channel);
}
