using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Notifications;

/// <summary>
/// One message to one recipient on one channel, written in the transaction of the change it tells about (the
/// notification outbox) and sent after commit by the dispatcher. It is rendered when planned, so it says what was true
/// then; it is unique per source (the timeline entry, invitation or reply), recipient and channel, so nobody is told the
/// same thing twice. The dispatcher moves it through its states in SQL; one not sent says why.
/// </summary>
public sealed class Notification : Entity
{
    public const int SourceMaxLength = 100;
    public const int AddressMaxLength = 2000;
    public const int AnswerMaxLength = 2000;

    private Notification()
    {
        Source = string.Empty;
        Language = string.Empty;
        Template = string.Empty;
        Text = string.Empty;
    }

    private Notification(Guid id, string source, Guid? complaintId, NotificationEvent notificationEvent, NotificationChannel channel,
        NotificationAudience audience, Guid recipientId, string language, DateTimeOffset now)
        : base(id)
    {
        Source = Guard.Text(source, SourceMaxLength, "source");
        ComplaintId = complaintId;
        Event = notificationEvent;
        Channel = channel;
        Audience = audience;
        RecipientId = recipientId;
        Language = language;
        Template = $"{LocalizableText.CamelCase(notificationEvent.ToString())}/{LocalizableText.CamelCase(channel.ToString())}/{language}";
        Text = string.Empty;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>What it tells about, unique with the recipient and channel: <c>timeline:{complaint}:{sequence}</c>, <c>invitation:{id}</c>…</summary>
    public string Source { get; private set; }

    public Guid? ComplaintId { get; private set; }

    public NotificationEvent Event { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public NotificationAudience Audience { get; private set; }

    /// <summary>The customer, staff member or department it is for.</summary>
    public Guid RecipientId { get; private set; }

    /// <summary>Where it goes (an e-mail address, a phone number, a robot URL): personal data, encrypted at rest.</summary>
    public string? Address { get; private set; }

    public string Language { get; private set; }

    /// <summary>The template it was rendered from: <c>{event}/{channel}/{language}</c>.</summary>
    public string Template { get; private set; }

    public string? Subject { get; private set; }

    /// <summary>The text sent (personal data: it names the customer and their complaint).</summary>
    public string Text { get; private set; }

    /// <summary>The HTML part of an e-mail.</summary>
    public string? Html { get; private set; }

    public int SmsSegments { get; private set; }

    public NotificationStatus Status { get; private set; }

    public NotSentReason? NotSentReason { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When it may be sent: now, the end of the quiet hours, or the next retry.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public Guid? LeaseId { get; private set; }

    /// <summary>What the server, gateway or robot answered last (or why it could not be reached).</summary>
    public string? LastAnswer { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A notification to send to <paramref name="address"/>, not before <paramref name="notBefore"/> (the end of the quiet hours).</summary>
    public static Notification ToSend(string source, Guid? complaintId, NotificationEvent notificationEvent, NotificationChannel channel,
        NotificationAudience audience, Guid recipientId, string address, string language, RenderedNotification rendered, DateTimeOffset now,
        DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var notification = new Notification(Guid.CreateVersion7(), source, complaintId, notificationEvent, channel, audience, recipientId, language, now)
        {
            Address = Guard.Text(address, AddressMaxLength, "address"),
            Subject = rendered.Subject,
            Text = rendered.Text,
            Html = rendered.Html,
            SmsSegments = rendered.SmsSegments,
            Status = NotificationStatus.Pending,
        };
        if (notBefore > now)
        {
            notification.NextAttemptAt = notBefore.Value;
        }

        return notification;
    }

    /// <summary>A notification recorded as not sent, and why; what it would have said is kept when it could be rendered.</summary>
    public static Notification NotSent(string source, Guid? complaintId, NotificationEvent notificationEvent, NotificationChannel channel,
        NotificationAudience audience, Guid recipientId, string language, NotSentReason reason, RenderedNotification? rendered, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), source, complaintId, notificationEvent, channel, audience, recipientId, language, now)
        {
            Status = NotificationStatus.NotSent,
            NotSentReason = reason,
            Subject = rendered?.Subject,
            Text = rendered?.Text ?? string.Empty,
            Html = rendered?.Html,
            SmsSegments = rendered?.SmsSegments ?? 0,
        };

    /// <summary>Whether it still waits for its first attempt (nothing was tried or claimed yet).</summary>
    public bool IsWaiting => Status == NotificationStatus.Pending && Attempts == 0;

    /// <summary>Moves a notification still waiting to another time (a greeting moved to another day).</summary>
    public void Defer(DateTimeOffset notBefore)
    {
        if (IsWaiting)
        {
            NextAttemptAt = notBefore;
        }
    }

    /// <summary>A notification still waiting is never sent: what it told of was called off.</summary>
    public void Withdraw()
    {
        if (IsWaiting)
        {
            Status = NotificationStatus.NotSent;
            NotSentReason = Notifications.NotSentReason.Withdrawn;
        }
    }

    /// <summary>
    /// The recipient's personal data was erased: the address and the texts go, and what was not sent yet never will be.
    /// The record stays (that a notification existed, on which channel and with what outcome).
    /// </summary>
    public void Erase()
    {
        Address = null;
        Subject = null;
        Text = string.Empty;
        Html = null;
        LastAnswer = null;
        if (Status is NotificationStatus.Pending or NotificationStatus.RetryScheduled or NotificationStatus.Sending)
        {
            Status = NotificationStatus.NotSent;
            NotSentReason = Notifications.NotSentReason.Erased;
            LockedUntil = null;
            LeaseId = null;
        }
    }
}
