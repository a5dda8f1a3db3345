using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Notifications;
using CustomerCare.Domain.Notifications;
using FluentValidation;

namespace CustomerCare.Application.Settings.Commands.UpdateNotificationSettings;

public sealed class UpdateNotificationSettingsCommandValidator : AbstractValidator<UpdateNotificationSettingsCommand>
{
    public UpdateNotificationSettingsCommandValidator()
    {
        RuleFor(c => c.Settings).NotNull().SetValidator(new NotificationSettingsValidator());
    }
}

/// <summary>The switches as stored: each event once, only the channels it goes by, quiet hours as a period.</summary>
public sealed class NotificationSettingsValidator : AbstractValidator<NotificationSettings>
{
    public const int QuietHoursMaxLength = 11;

    public NotificationSettingsValidator()
    {
        var events = Enum.GetValues<NotificationEvent>().Length;
        RuleFor(s => s.Rules).NotNull().MaxItems(events).WithMessage(_ => ValidationTexts.Get("NotificationEventOnce"));
        RuleFor(s => s.Rules)
            .Must(rules => rules.Select(r => r?.Event).Distinct().Count() == rules.Count)
            .When(s => s.Rules is not null)
            .WithMessage(_ => ValidationTexts.Get("NotificationEventOnce"));
        RuleForEach(s => s.Rules).NotNull().SetValidator(new NotificationRuleValidator()).When(s => s.Rules is not null);
        RuleFor(s => s.QuietHours).NotEmpty().MaximumLength(QuietHoursMaxLength)
            .Must(BeAPeriod).WithMessage(_ => ValidationTexts.Get("QuietHoursPeriod"));
    }

    private static bool BeAPeriod(string? text)
    {
        try
        {
            _ = QuietHours.Parse(text!);
            return true;
        }
        catch (Domain.Common.DomainException)
        {
            return false;
        }
    }
}

public sealed class NotificationRuleValidator : AbstractValidator<NotificationRule>
{
    public NotificationRuleValidator()
    {
        RuleFor(r => r.Event).IsInEnum();
        RuleFor(r => r.Channels).NotNull().MaxItems(Enum.GetValues<NotificationChannel>().Length)
            .WithMessage(r => ValidationTexts.Format("NotificationChannelsOf", ChannelsOf(r.Event)));
        RuleForEach(r => r.Channels).IsInEnum();
        RuleFor(r => r.Channels)
            .Must((r, channels) => channels.All(c => DefaultNotificationTemplates.ChannelsOf(r.Event).Contains(c)))
            .When(r => r.Channels is not null && Enum.IsDefined(r.Event))
            .WithMessage(r => ValidationTexts.Format("NotificationChannelsOf", ChannelsOf(r.Event)));
    }

    private static string ChannelsOf(NotificationEvent notificationEvent) =>
        Enum.IsDefined(notificationEvent)
            ? string.Join(", ", DefaultNotificationTemplates.ChannelsOf(notificationEvent).Select(c => Domain.Common.LocalizableText.CamelCase(c.ToString())))
            : string.Empty;
}
