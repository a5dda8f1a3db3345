using FluentValidation;

namespace CustomerCare.Application.Notifications.Commands.ResetNotificationTemplate;

public sealed class ResetNotificationTemplateCommandValidator : AbstractValidator<ResetNotificationTemplateCommand>
{
    public ResetNotificationTemplateCommandValidator() =>
        RuleFor(c => c.Key).NotNull().SetValidator(new NotificationTemplateKeyValidator()).OverridePropertyName(string.Empty);
}
