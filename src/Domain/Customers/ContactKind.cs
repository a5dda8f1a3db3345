namespace CustomerCare.Domain.Customers;

public enum ContactKind
{
    /// <summary>A phone number in E.164 form (<c>+8613800138000</c>).</summary>
    Phone,

    /// <summary>An e-mail address in lower case.</summary>
    Email,

    /// <summary>A handle on a messaging platform (WeChat, WhatsApp, …), with the platform named.</summary>
    Messaging,
}
