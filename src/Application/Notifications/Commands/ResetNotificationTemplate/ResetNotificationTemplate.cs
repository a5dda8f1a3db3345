using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Notifications.Commands.ResetNotificationTemplate;

/// <summary>Drops an administrator's text (If-Match optional): the shipped template applies again, and is returned.</summary>
public sealed record ResetNotificationTemplateCommand(NotificationTemplateKey Key, uint? ExpectedVersion) : ICommand<NotificationTemplateDto>;

public sealed class ResetNotificationTemplateCommandHandler(ISettingsStore store, INotificationPolicyProvider policies)
    : ICommandHandler<ResetNotificationTemplateCommand, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(ResetNotificationTemplateCommand command, CancellationToken cancellationToken)
    {
        var key = command.Key;
        await store.DeleteAsync(key.StoreKey, command.ExpectedVersion, cancellationToken);
        policies.Invalidate();
        return NotificationTemplateDto.For(DefaultNotificationTemplates.For(key.ParsedEvent, key.ParsedChannel, key.StoredLanguage), customised: false, 0);
    }
}
