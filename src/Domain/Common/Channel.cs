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

    /// <summary>A letter (信函) by post.</summary>
    Letter,

    /// <summary>WeChat (微信): the official account or a service chat.</summary>
    Wechat,
    Partner,
}
