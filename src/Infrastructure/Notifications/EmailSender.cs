using System.Net.Security;
using System.Security.Cryptography;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCare.Infrastructure.Notifications;

/// <summary>
/// E-mail over SMTP with MailKit: STARTTLS (default), TLS from the first byte, or plain for a trusted relay; with a
/// user name, authenticated; a server certificate no trusted authority signed is accepted only by its pinned fingerprint. Each e-mail is text and HTML (the HTML escaped when rendered). A server that refuses the
/// recipient for good (5xx to RCPT) ends the notification; anything else is retried.
/// </summary>
internal sealed class EmailSender(IOptionsMonitor<NotificationOptions> options) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public bool IsConfigured => options.CurrentValue.Email.IsConfigured;

    public async Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var email = settings.Email;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From!));
        if (!MailboxAddress.TryParse(notification.Address, out var to))
        {
            return SendOutcome.Refused("The e-mail address cannot be used.");
        }

        message.To.Add(to);
        message.Subject = notification.Subject ?? string.Empty;
        message.Headers.Add("Content-Language", notification.Language);
        message.MessageId = $"{notification.Id:N}@customercare";
        message.Body = new BodyBuilder { TextBody = notification.Text, HtmlBody = notification.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)settings.AttemptTimeout.TotalMilliseconds };
        if (email.TrustedCertificateSha256 is { } pinned)
        {
            var fingerprint = Convert.FromHexString(pinned.Replace(":", string.Empty, StringComparison.Ordinal));
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), fingerprint));
        }

        try
        {
            await client.ConnectAsync(email.Host!, email.Port, email.UseTls switch
            {
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(email.UserName))
            {
                await client.AuthenticateAsync(email.UserName, email.Password ?? string.Empty, cancellationToken);
            }

            var answer = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return SendOutcome.Success(answer);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            return SendOutcome.Refused($"{(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException or System.Net.Sockets.SocketException or IOException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendOutcome.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
