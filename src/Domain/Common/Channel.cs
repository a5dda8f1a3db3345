namespace CustomerCare.Domain.Common;

/// <summary>How a customer reaches us (and prefers to be reached).</summary>
public enum Channel
{
    Phone,
    Email,
    WebForm,
    OnlineChat,
    Sms,
    SocialMedia,
    WalkIn,
    Partner,
}
