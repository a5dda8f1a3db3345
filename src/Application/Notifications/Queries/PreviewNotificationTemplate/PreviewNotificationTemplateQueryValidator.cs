using CustomerCare.Domain.Notifications;
using FluentValidation;

namespace CustomerCare.Application.Notifications.Queries.PreviewNotificationTemplate;

public sealed class PreviewNotificationTemplateQueryValidator : AbstractValidator<PreviewNotificationTemplateQuery>
{
    public PreviewNotificationTemplateQueryValidator(IValidator<PreviewNotificationTemplateInput> input)
    {
        RuleFor(q => q.Key).NotNull().SetValidator(new NotificationTemplateKeyValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
        RuleFor(q => q.Input.Body)
            .Must((q, body) => NotificationTemplate.UnknownPlaceholders(q.Key.ParsedEvent, body + " " + q.Input.Subject).Count == 0)
            .When(q => q.Input?.Body is not null && q.Key is not null && new NotificationTemplateKeyValidator().Validate(q.Key).IsValid)
            .WithMessage(q => NotificationTemplateKeyValidator.UnknownPlaceholdersMessage(q.Key.ParsedEvent, q.Input.Body + " " + q.Input.Subject))
            .OverridePropertyName("body");
    }
}

public sealed class PreviewNotificationTemplateInputValidator : AbstractValidator<PreviewNotificationTemplateInput>
{
    public PreviewNotificationTemplateInputValidator()
    {
        RuleFor(i => i.ComplaintId).NotEmpty();
        RuleFor(i => i.Subject).MaximumLength(NotificationTemplate.SubjectMaxLength);
        RuleFor(i => i.Body).MaximumLength(NotificationTemplate.BodyMaxLength);
    }
}
