using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Notifications.Commands.UpdateNotificationTemplate;

/// <summary>An administrator's text for a template: a subject for e-mail only, placeholders written <c>{{name}}</c>.</summary>
public sealed record NotificationTemplateInput(
    string? Subject,
    string Body);

/// <summary>Replaces a template (If-Match optional); notifications planned from now on use it.</summary>
public sealed record UpdateNotificationTemplateCommand(NotificationTemplateKey Key, NotificationTemplateInput Input, uint? ExpectedVersion)
    : ICommand<NotificationTemplateDto>;

public sealed class UpdateNotificationTemplateCommandHandler(ISettingsStore store, INotificationPolicyProvider policies)
    : ICommandHandler<UpdateNotificationTemplateCommand, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(UpdateNotificationTemplateCommand command, CancellationToken cancellationToken)
    {
        var key = command.Key;
        var own = new StoredNotificationTemplate(string.IsNullOrWhiteSpace(command.Input.Subject) ? null : command.Input.Subject.Trim(), command.Input.Body);
        var version = await store.SaveAsync(key.StoreKey, own, command.ExpectedVersion, cancellationToken);
        policies.Invalidate();
        var shipped = DefaultNotificationTemplates.For(key.ParsedEvent, key.ParsedChannel, key.StoredLanguage);
        return NotificationTemplateDto.For(own.Over(shipped), customised: true, version);
    }
}
