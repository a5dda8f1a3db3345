using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Notifications;
using FluentValidation;

namespace CustomerCare.Application.Auth.Commands.UpdateMyNotificationSettings;

public sealed class UpdateMyNotificationSettingsCommandValidator : AbstractValidator<UpdateMyNotificationSettingsCommand>
{
    public UpdateMyNotificationSettingsCommandValidator() =>
        RuleFor(c => c.Settings).NotNull().SetValidator(new StaffNotificationSettingsValidator());
}

/// <summary>Only staff events (what customers are told is not a staff member's to choose).</summary>
public sealed class StaffNotificationSettingsValidator : AbstractValidator<StaffNotificationSettings>
{
    public StaffNotificationSettingsValidator()
    {
        RuleFor(s => s.Receive).NotNull().MaxItems(StaffNotificationSettings.StaffEvents.Count)
            .WithMessage(_ => ValidationTexts.Get("NotificationEventOnce"));
        RuleForEach(s => s.Receive).IsInEnum()
            .Must(e => StaffNotificationSettings.StaffEvents.Contains(e))
            .WithMessage(_ => ValidationTexts.Format("UseOneOf",
                string.Join(", ", StaffNotificationSettings.StaffEvents.Select(e => Domain.Common.LocalizableText.CamelCase(e.ToString())))));
    }
}
