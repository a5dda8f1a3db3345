namespace CustomerCare.Domain.Notifications;

/// <summary>How a notification travels. Adding one is a value here and one channel class in Infrastructure.</summary>
public enum NotificationChannel
{
    /// <summary>E-mail over SMTP.</summary>
    Email,

    /// <summary>A text message through the operator's HTTP SMS gateway.</summary>
    Sms,

    /// <summary>A 企业微信 (WeCom) group robot of a department.</summary>
    WeComRobot,

    /// <summary>A 钉钉 (DingTalk) group robot of a department.</summary>
    DingTalkRobot,
}

/// <summary>Who a notification is for.</summary>
public enum NotificationAudience
{
    Customer,
    Staff,

    /// <summary>A department's group robot.</summary>
    Department,
}

/// <summary>What a notification tells. The first group is said to customers, the second to staff.</summary>
public enum NotificationEvent
{
    /// <summary>We received the complaint: its number, what happens next and when we will contact the customer.</summary>
    ComplaintReceived,
    SolutionProposed,
    ComplaintResolved,
    ComplaintClosed,
    ComplaintReopened,

    /// <summary>A staff member's public reply to the customer.</summary>
    PublicReply,
    SurveyInvitation,
    CareTaskGreeting,

    /// <summary>To the assignee: a complaint was assigned to them.</summary>
    Assigned,

    /// <summary>To the first responder: the complaint they took moved to another department or person.</summary>
    Transferred,

    /// <summary>To the first responder: the complaint they took changed its status.</summary>
    StatusChanged,

    /// <summary>To the first responder and the escalation supervisor: the customer complained again.</summary>
    ReComplained,

    /// <summary>To the responsible department's supervisor: a service-level clock is about to run out.</summary>
    SlaAtRisk,

    /// <summary>To the supervisor, and the managers for a major complaint: a service-level clock ran out.</summary>
    SlaBreached,

    /// <summary>To the customer who asked: the one-time code that opens the status of their complaint.</summary>
    StatusLookupCode,

    /// <summary>To the managers of the responsible department (every manager when it has none): a complaint was registered, or reclassified, as major.</summary>
    MajorComplaint,
}

public enum NotificationStatus
{
    /// <summary>Waiting for its first attempt (or for the end of the quiet hours).</summary>
    Pending,

    /// <summary>A dispatcher holds it (with a lease) and is sending it now.</summary>
    Sending,

    /// <summary>The last attempt failed; the next one is due at <see cref="Notification.NextAttemptAt"/>.</summary>
    RetryScheduled,

    Sent,

    /// <summary>Every attempt of its budget failed.</summary>
    Dead,

    /// <summary>Recorded, not sent, for the reason given (<see cref="NotSentReason"/>): never silently dropped.</summary>
    NotSent,
}

/// <summary>Why a notification was recorded without being sent.</summary>
public enum NotSentReason
{
    /// <summary>The deployment has no settings for the channel (no SMTP server, no SMS gateway).</summary>
    ChannelNotConfigured,

    /// <summary>The customer did not agree to be contacted on any channel that could carry it.</summary>
    NoConsent,

    /// <summary>The recipient has no address for the channel (no e-mail address, no phone number, no robot URL).</summary>
    NoAddress,

    /// <summary>The customer's personal data was erased: they are never contacted again.</summary>
    Erased,

    /// <summary>What it told of was called off before it was due (a cancelled greeting).</summary>
    Withdrawn,
}
