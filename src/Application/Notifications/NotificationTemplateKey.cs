using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Notifications;
using FluentValidation;

namespace CustomerCare.Application.Notifications;

/// <summary>
/// A template's address as the API writes it: <c>/notification-templates/{event}/{channel}/{language}</c>, e.g.
/// <c>complaintReceived/sms/zh-CN</c>. Only an event's own channels and the shipped languages name a template.
/// </summary>
public sealed record NotificationTemplateKey(string Event, string Channel, string Language)
{
    public NotificationEvent ParsedEvent => Enum.Parse<NotificationEvent>(Event, ignoreCase: true);

    public NotificationChannel ParsedChannel => Enum.Parse<NotificationChannel>(Channel, ignoreCase: true);

    public string StoredLanguage => NotificationTemplate.Languages.Single(l => string.Equals(l, Language, StringComparison.OrdinalIgnoreCase));

    public string StoreKey => StoredNotificationTemplate.KeyOf(ParsedEvent, ParsedChannel, StoredLanguage);

    internal static bool IsEvent(string? value) => Enum.TryParse<NotificationEvent>(value, ignoreCase: true, out var e) && Enum.IsDefined(e) && !int.TryParse(value, out _);

    internal static bool IsChannel(string? value) => Enum.TryParse<NotificationChannel>(value, ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(value, out _);
}

public sealed class NotificationTemplateKeyValidator : AbstractValidator<NotificationTemplateKey>
{
    /// <summary>The field error for a template text using placeholders its event does not offer: which, and which it offers.</summary>
    public static string UnknownPlaceholdersMessage(NotificationEvent notificationEvent, string? text) =>
        ValidationTexts.Format("TemplateUnknownPlaceholders",
            string.Join(", ", NotificationTemplate.UnknownPlaceholders(notificationEvent, text).Select(p => "{{" + p + "}}")),
            string.Join(", ", NotificationPlaceholders.For(notificationEvent).Select(p => "{{" + p + "}}")));

    public NotificationTemplateKeyValidator()
    {
        RuleFor(k => k.Event).Must(NotificationTemplateKey.IsEvent)
            .WithMessage(_ => ValidationTexts.Format("UseOneOf", string.Join(", ", Enum.GetNames<NotificationEvent>().Select(Domain.Common.LocalizableText.CamelCase))));
        RuleFor(k => k.Language).Must(l => NotificationTemplate.Languages.Contains(l, StringComparer.OrdinalIgnoreCase))
            .WithMessage(_ => ValidationTexts.Format("UseOneOf", string.Join(", ", NotificationTemplate.Languages)));
        RuleFor(k => k.Channel).Must(NotificationTemplateKey.IsChannel)
            .WithMessage(_ => ValidationTexts.Format("UseOneOf", string.Join(", ", Enum.GetNames<NotificationChannel>().Select(Domain.Common.LocalizableText.CamelCase))));
        RuleFor(k => k.Channel)
            .Must((k, channel) => DefaultNotificationTemplates.ChannelsOf(k.ParsedEvent).Contains(Enum.Parse<NotificationChannel>(channel, ignoreCase: true)))
            .When(k => NotificationTemplateKey.IsEvent(k.Event) && NotificationTemplateKey.IsChannel(k.Channel))
            .WithMessage(k => ValidationTexts.Format("NotificationChannelsOf",
                string.Join(", ", DefaultNotificationTemplates.ChannelsOf(k.ParsedEvent).Select(c => Domain.Common.LocalizableText.CamelCase(c.ToString())))));
    }
}

/// <summary>A template as the API shows it: its text, the placeholders its event offers, and whether an administrator changed it.</summary>
public sealed record NotificationTemplateDto(
    NotificationEvent Event, NotificationChannel Channel, string Language, string? Subject, string Body, IReadOnlyList<string> Placeholders,
    bool Customised, uint Version) : Common.Models.IVersioned
{
    public static NotificationTemplateDto For(NotificationTemplate template, bool customised, uint version) =>
        new(template.Event, template.Channel, template.Language, template.Subject, template.Body, NotificationPlaceholders.For(template.Event), customised, version);
}
