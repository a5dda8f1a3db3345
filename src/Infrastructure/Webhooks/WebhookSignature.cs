using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>
/// Signatures as the Standard Webhooks specification has them: <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix
/// seconds) and <c>webhook-signature: v1,{base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"}</c>, keyed with the
/// bytes of the secret after its <c>whsec_</c> prefix.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string EventTypeHeader = "webhook-event-type";
    public const string SecretPrefix = Domain.Webhooks.WebhookSubscription.SecretPrefix;

    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
