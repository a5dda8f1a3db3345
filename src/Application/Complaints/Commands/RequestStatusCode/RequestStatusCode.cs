using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Notifications;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.RequestStatusCode;

/// <summary>A customer asks to look up a complaint: its number and the phone number or e-mail address it was made with.</summary>
public sealed record StatusCodeRequestInput(
    string Number,
    string Contact);

/// <summary>The same answer whether or not anything matched.</summary>
public sealed record StatusCodeRequested(string Message, int ExpiresInSeconds);

public sealed record RequestStatusCodeCommand(StatusCodeRequestInput Input) : ICommand<StatusCodeRequested>;

/// <summary>
/// Records the request and, when the number and the address belong to the same customer's complaint (and the customer
/// was not erased), sends a one-time code to that address — by text message for a phone number, by e-mail for an address,
/// at once (the customer is waiting for it; no quiet hours). At most <see cref="MaxRequestsPerHour"/> requests an hour per
/// number and per address, matched or not; beyond, 429.
/// </summary>
public sealed class RequestStatusCodeCommandHandler(
    IApplicationDbContext db, IContactNormaliser normaliser, IPersonalDataIndex index, INotificationPolicyProvider policies, INotificationChannels channels,
    IOptions<NotificationOptions> options, TimeProvider time) : ICommandHandler<RequestStatusCodeCommand, StatusCodeRequested>
{
    public const int MaxRequestsPerHour = 5;
    public static readonly TimeSpan CodeValidity = TimeSpan.FromMinutes(10);

    public async ValueTask<StatusCodeRequested> Handle(RequestStatusCodeCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var number = command.Input.Number.Trim().ToUpperInvariant();
        var (kind, contact) = StatusLookupContact.Normalise(normaliser, command.Input.Contact);
        var contactKey = index.ContactKey(kind, contact ?? command.Input.Contact.Trim());
        var since = now.AddHours(-1);
        if (await db.StatusLookups.CountAsync(l => l.CreatedAt > since && (l.NumberKey == number || l.ContactKey == contactKey), cancellationToken) >= MaxRequestsPerHour)
        {
            throw new TooManyRequestsException(TimeSpan.FromHours(1), "Too many look-ups of this complaint or address. Try again later.");
        }

        var match = contact is null ? null : await db.Complaints.AsNoTracking()
            .Where(c => c.Number == number)
            .Join(db.Customers.AsNoTracking().Where(c => c.ErasedAt == null), c => c.CustomerId, c => c.Id, (complaint, customer) => new { complaint.Id, complaint.Number, Customer = customer })
            .Where(m => m.Customer.ContactPoints.Any(p => p.Kind == kind && p.LookupKey == contactKey))
            .Select(m => new { ComplaintId = m.Id, m.Number, CustomerId = m.Customer.Id, m.Customer.PreferredLanguage })
            .FirstOrDefaultAsync(cancellationToken);
        var (lookup, code) = StatusLookup.Request(number, contactKey, match?.ComplaintId, now, CodeValidity);
        db.StatusLookups.Add(lookup);
        if (match is not null && code is not null)
        {
            var channel = kind == ContactKind.Phone ? NotificationChannel.Sms : NotificationChannel.Email;
            var language = NotificationTemplate.LanguageFor(match.PreferredLanguage ?? options.Value.DefaultLanguage);
            var policy = await policies.GetCurrentAsync(cancellationToken);
            var rendered = policy.Template(NotificationEvent.StatusLookupCode, channel, language).Render(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["code"] = code,
                ["minutes"] = ((int)CodeValidity.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["number"] = match.Number,
            });
            var source = $"lookup:{lookup.Id}";
            db.Notifications.Add(channels.IsConfigured(channel)
                ? Notification.ToSend(source, match.ComplaintId, NotificationEvent.StatusLookupCode, channel, NotificationAudience.Customer, match.CustomerId,
                    contact!, language, rendered, now)
                : Notification.NotSent(source, match.ComplaintId, NotificationEvent.StatusLookupCode, channel, NotificationAudience.Customer, match.CustomerId, language,
                    NotSentReason.ChannelNotConfigured, null, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new StatusCodeRequested(
            Texts.Say("If the number and the phone or e-mail belong together, a code was sent to it. Send it with the same number and contact to see the complaint."),
            (int)CodeValidity.TotalSeconds);
    }
}

/// <summary>A phone number or an e-mail address as the customer typed it, normalised as contact points are.</summary>
public static class StatusLookupContact
{
    public static (ContactKind Kind, string? Normalised) Normalise(IContactNormaliser normaliser, string input)
    {
        var trimmed = input.Trim();
        return trimmed.Contains('@', StringComparison.Ordinal)
            ? (ContactKind.Email, normaliser.NormaliseEmail(trimmed))
            : (ContactKind.Phone, normaliser.NormalisePhone(trimmed));
    }
}
