namespace CustomerCare.Domain.Notifications;

/// <summary>
/// How many segments a text message takes. Text in the GSM 7-bit alphabet fits 160 characters in one message (153 per
/// part when split); anything else — Chinese, emoji — is sent as UCS-2: 70 characters in one message, 67 per part.
/// </summary>
public static class SmsText
{
    private const string Gsm7 =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Gsm7.Contains(c, StringComparison.Ordinal) || Gsm7Extension.Contains(c, StringComparison.Ordinal));

    /// <summary>The number of segments <paramref name="text"/> is sent in (0 for an empty text).</summary>
    public static int Segments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 0;
        }

        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Gsm7Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }

        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }
}
