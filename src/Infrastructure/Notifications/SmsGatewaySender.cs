using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Notifications;

/// <summary>
/// Text messages through the operator's HTTP SMS gateway (docs/notifications.md has the contract): a JSON POST signed
/// with HMAC-SHA256 over <c>"{timestamp}.{body}"</c>, so that a gateway — or a small adapter in front of a provider —
/// can check that it comes from us. 2xx is sent; 4xx (but 408 and 429) is refused for good; anything else is retried.
/// </summary>
public sealed class SmsGatewaySender(IHttpClientFactory clients, IOptionsMonitor<NotificationOptions> options, TimeProvider time) : INotificationSender
{
    public const string HttpClientName = "sms-gateway";
    public const string TimestampHeader = "X-CustomerCare-Timestamp";
    public const string SignatureHeader = "X-CustomerCare-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public NotificationChannel Channel => NotificationChannel.Sms;

    public bool IsConfigured => options.CurrentValue.Sms.IsConfigured;

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of <c>"{timestamp}.{body}"</c>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), content));
    }

    public async Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var body = JsonSerializer.SerializeToUtf8Bytes(new SmsGatewayMessage(
            notification.Id, notification.Address, settings.Sms.Sender, notification.Text, SmsText.Segments(notification.Text), notification.Language), Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Sms.GatewayUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, Sign(settings.Sms.Secret!, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.AttemptTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            var said = SendOutcome.Said(response.StatusCode, answer);
            return response.IsSuccessStatusCode ? SendOutcome.Success(said) : SendOutcome.ForFailedHttp(response.StatusCode, said);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendOutcome.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}

/// <summary>The body the gateway receives.</summary>
public sealed record SmsGatewayMessage(Guid Id, string To, string? Sender, string Text, int Segments, string Language);
