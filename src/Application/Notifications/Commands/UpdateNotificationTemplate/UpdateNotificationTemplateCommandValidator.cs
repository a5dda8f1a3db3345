using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Notifications;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Notifications.Commands.UpdateNotificationTemplate;

public sealed class UpdateNotificationTemplateCommandValidator : AbstractValidator<UpdateNotificationTemplateCommand>
{
    public UpdateNotificationTemplateCommandValidator(IValidator<NotificationTemplateInput> input, IOptions<NotificationOptions> options)
    {
        RuleFor(c => c.Key).NotNull().SetValidator(new NotificationTemplateKeyValidator()).OverridePropertyName(string.Empty);
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
        When(c => c.Input is { Body: not null } && c.Key is not null && new NotificationTemplateKeyValidator().Validate(c.Key).IsValid, () =>
        {
            RuleFor(c => c.Input.Body)
                .Must((c, body) => NotificationTemplate.UnknownPlaceholders(c.Key.ParsedEvent, body).Count == 0)
                .WithMessage(c => NotificationTemplateKeyValidator.UnknownPlaceholdersMessage(c.Key.ParsedEvent, c.Input.Body))
                .OverridePropertyName("body");
            RuleFor(c => c.Input.Subject)
                .Must((c, subject) => NotificationTemplate.UnknownPlaceholders(c.Key.ParsedEvent, subject).Count == 0)
                .WithMessage(c => NotificationTemplateKeyValidator.UnknownPlaceholdersMessage(c.Key.ParsedEvent, c.Input.Subject))
                .OverridePropertyName("subject");
            RuleFor(c => c.Input.Subject).NotEmpty().When(c => NotificationTemplate.HasSubject(c.Key.ParsedChannel)).OverridePropertyName("subject");
            RuleFor(c => c.Input.Subject).Empty().When(c => !NotificationTemplate.HasSubject(c.Key.ParsedChannel))
                .WithMessage(_ => ValidationTexts.Get("OnlyEmailHasSubject")).OverridePropertyName("subject");
            RuleFor(c => c.Input.Body)
                .Must((c, body) => Segments(c) <= options.Value.MaxSmsSegments)
                .When(c => c.Key.ParsedChannel == NotificationChannel.Sms)
                .WithMessage(c => ValidationTexts.Format("SmsTooLong", Segments(c), options.Value.MaxSmsSegments))
                .OverridePropertyName("body");
        });
    }

    private static int Segments(UpdateNotificationTemplateCommand command) =>
        new NotificationTemplate(command.Key.ParsedEvent, command.Key.ParsedChannel, command.Key.StoredLanguage, null, command.Input.Body)
            .Render(NotificationValues.Samples(command.Key.StoredLanguage)).SmsSegments;
}

public sealed class NotificationTemplateInputValidator : AbstractValidator<NotificationTemplateInput>
{
    public NotificationTemplateInputValidator()
    {
        RuleFor(i => i.Subject).MaximumLength(NotificationTemplate.SubjectMaxLength);
        RuleFor(i => i.Body).NotEmpty().MaximumLength(NotificationTemplate.BodyMaxLength);
    }
}
