using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Notifications;
using Mediator;

namespace CustomerCare.Application.Settings.Commands.UpdateNotificationSettings;

/// <summary>Replaces the notification switches (which events go by which channels) and the quiet hours of text messages.</summary>
public sealed record UpdateNotificationSettingsCommand(NotificationSettings Settings, uint? ExpectedVersion) : ICommand<SettingDto<NotificationSettings>>;

public sealed class UpdateNotificationSettingsCommandHandler(ISettingsStore store, INotificationPolicyProvider policies)
    : ICommandHandler<UpdateNotificationSettingsCommand, SettingDto<NotificationSettings>>
{
    public async ValueTask<SettingDto<NotificationSettings>> Handle(UpdateNotificationSettingsCommand command, CancellationToken cancellationToken)
    {
        var version = await store.SaveAsync(NotificationSettings.Key, command.Settings, command.ExpectedVersion, cancellationToken);
        policies.Invalidate();
        return new SettingDto<NotificationSettings>(command.Settings, version);
    }
}
