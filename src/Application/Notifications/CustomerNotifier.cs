using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Notifications;

/// <summary>What a customer is to be told: from which source (unique with them and the channel), about which complaint.</summary>
public sealed record CustomerNotification(string Source, Guid? ComplaintId, NotificationEvent Event, Guid CustomerId);

/// <summary>
/// Plans one notification to a customer in the current unit of work: on the first channel that works, tried in the order
/// the customer prefers, then text message, then e-mail — a channel works when the event is on for it, the customer
/// consented to it, has an address for it, and the deployment has it configured. When none does, the notification is
/// recorded as not sent with the reason of the first channel tried; an erased customer is never contacted.
/// </summary>
public sealed class CustomerNotifier(IApplicationDbContext db, INotificationChannels channels, IOptions<NotificationOptions> options)
{
    /// <param name="zone">The business calendar's time zone: the quiet hours', and the customer's clock when they have no time zone of their own.</param>
    /// <param name="values">The placeholders' values for the customer's name, the template's language and the customer's time zone.</param>
    /// <param name="notBefore">When it is due, if later than now (a greeting on its day); text messages also wait out the quiet hours.</param>
    public async Task PlanAsync(CustomerNotification what, NotificationPolicy policy, TimeZoneInfo zone, DateTimeOffset now,
        Func<string, string, TimeZoneInfo, IReadOnlyDictionary<string, string?>> values, CancellationToken ct, DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(values);
        var candidates = Channels(null).Where(c => policy.IsOn(what.Event, c)).ToList();
        if (candidates.Count == 0)
        {
            return; // switched off on every channel
        }

        var customer = db.FindTracked<Customer>(what.CustomerId)
            ?? await db.Customers.Include(c => c.ContactPoints).SingleAsync(c => c.Id == what.CustomerId, ct);
        var language = NotificationTemplate.LanguageFor(customer.PreferredLanguage ?? options.Value.DefaultLanguage);
        candidates = Channels(customer).Where(c => policy.IsOn(what.Event, c)).ToList();
        if (customer.IsErased)
        {
            Add(Notification.NotSent(what.Source, what.ComplaintId, what.Event, candidates[0], NotificationAudience.Customer, customer.Id, language,
                NotSentReason.Erased, null, now));
            return;
        }

        var filled = values(customer.Name, language, customer.TimeZone is { } own && TimeZoneInfo.TryFindSystemTimeZoneById(own, out var theirs) ? theirs : zone);
        NotSentReason? firstReason = null;
        foreach (var channel in candidates)
        {
            var address = Address(customer, channel);
            NotSentReason? reason = !HasConsent(customer, channel) ? NotSentReason.NoConsent
                : address is null ? NotSentReason.NoAddress
                : !channels.IsConfigured(channel) ? NotSentReason.ChannelNotConfigured
                : null;
            if (reason is null)
            {
                var rendered = policy.Template(what.Event, channel, language).Render(filled);
                var due = notBefore > now ? notBefore.Value : now;
                Add(Notification.ToSend(what.Source, what.ComplaintId, what.Event, channel, NotificationAudience.Customer, customer.Id, address!,
                    language, rendered, now, channel == NotificationChannel.Sms ? policy.QuietHours.NextAllowed(due, zone) : due));
                return;
            }

            firstReason ??= reason;
        }

        var first = candidates[0];
        Add(Notification.NotSent(what.Source, what.ComplaintId, what.Event, first, NotificationAudience.Customer, customer.Id, language,
            firstReason!.Value, policy.Template(what.Event, first, language).Render(filled), now));
    }

    private void Add(Notification planned) => db.Notifications.Add(planned);

    /// <summary>The channels to try, in order: the one the customer prefers, then text message, then e-mail.</summary>
    private static IEnumerable<NotificationChannel> Channels(Customer? customer)
    {
        var preferred = customer?.PreferredChannel switch
        {
            Domain.Common.Channel.Email => NotificationChannel.Email,
            Domain.Common.Channel.Sms or Domain.Common.Channel.Phone => NotificationChannel.Sms,
            _ => (NotificationChannel?)null,
        };
        return new[] { preferred, NotificationChannel.Sms, NotificationChannel.Email }.OfType<NotificationChannel>().Distinct();
    }

    private static bool HasConsent(Customer customer, NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => customer.Consent.ContactByEmail,
        NotificationChannel.Sms => customer.Consent.ContactByPhone,
        _ => false,
    };

    private static string? Address(Customer customer, NotificationChannel channel)
    {
        var kind = channel == NotificationChannel.Email ? ContactKind.Email : ContactKind.Phone;
        return customer.ContactPoints.Where(p => p.Kind == kind).OrderByDescending(p => p.IsPrimary).Select(p => p.Value).FirstOrDefault();
    }
}
