using FluentValidation;

namespace CustomerCare.Application.Notifications.Queries.GetNotificationTemplate;

public sealed class GetNotificationTemplateQueryValidator : AbstractValidator<GetNotificationTemplateQuery>
{
    public GetNotificationTemplateQueryValidator() => RuleFor(q => q.Key).NotNull().SetValidator(new NotificationTemplateKeyValidator()).OverridePropertyName(string.Empty);
}
