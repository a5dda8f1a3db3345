using CustomerCare.Domain.Notifications;

namespace CustomerCare.Application.Notifications;

/// <summary>
/// Which events are told on which channels, and the quiet hours of text messages: the administrators' switches
/// (GET/PUT /api/v1/settings/notifications). An event or channel left out is off.
/// </summary>
public sealed record NotificationSettings(IReadOnlyList<NotificationRule> Rules, string QuietHours)
{
    public const string Key = "notifications";

    /// <summary>
    /// Every event on every channel it goes by, except the care-task greeting (an operator turns it on); 21:00–08:00. A
    /// status look-up code is not switched: it is sent whenever a customer asks for one.
    /// </summary>
    public static NotificationSettings Default { get; } = new(
        Enum.GetValues<NotificationEvent>()
            .Where(e => e is not (NotificationEvent.CareTaskGreeting or NotificationEvent.StatusLookupCode))
            .Select(e => new NotificationRule(e, DefaultNotificationTemplates.ChannelsOf(e)))
            .ToList(),
        Domain.Notifications.QuietHours.Default.ToString());

    public bool IsOn(NotificationEvent notificationEvent, NotificationChannel channel) =>
        Rules.Any(r => r.Event == notificationEvent && r.Channels.Contains(channel));
}

/// <summary>The channels one event goes by.</summary>
public sealed record NotificationRule(NotificationEvent Event, IReadOnlyList<NotificationChannel> Channels);

/// <summary>One template as an administrator stored it (replacing the shipped one of the same event, channel and language).</summary>
public sealed record StoredNotificationTemplate(string? Subject, string Body)
{
    public const string Prefix = "notification-template/";

    public static string KeyOf(NotificationEvent notificationEvent, NotificationChannel channel, string language) =>
        $"{Prefix}{notificationEvent}/{channel}/{language}";

    /// <summary>The shipped template with this text in its place.</summary>
    public NotificationTemplate Over(NotificationTemplate shipped) => shipped with { Subject = Subject, Body = Body };
}

/// <summary>What the planner works from: the switches, the quiet hours and the templates in force.</summary>
public sealed class NotificationPolicy(NotificationSettings settings, IReadOnlyDictionary<string, StoredNotificationTemplate> stored)
{
    public NotificationSettings Settings { get; } = settings;

    public QuietHours QuietHours { get; } = Domain.Notifications.QuietHours.Parse(settings.QuietHours);

    public bool IsOn(NotificationEvent notificationEvent, NotificationChannel channel) => Settings.IsOn(notificationEvent, channel);

    /// <summary>The template in force: the administrator's, else the shipped one.</summary>
    public NotificationTemplate Template(NotificationEvent notificationEvent, NotificationChannel channel, string language) =>
        stored.TryGetValue(StoredNotificationTemplate.KeyOf(notificationEvent, channel, language), out var own)
            ? own.Over(DefaultNotificationTemplates.For(notificationEvent, channel, language))
            : DefaultNotificationTemplates.For(notificationEvent, channel, language);

    public bool IsCustomised(NotificationEvent notificationEvent, NotificationChannel channel, string language) =>
        stored.ContainsKey(StoredNotificationTemplate.KeyOf(notificationEvent, channel, language));
}
