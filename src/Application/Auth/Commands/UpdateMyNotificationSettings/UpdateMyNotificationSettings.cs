using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Notifications;
using CustomerCare.Application.Settings;
using Mediator;

namespace CustomerCare.Application.Auth.Commands.UpdateMyNotificationSettings;

/// <summary>Chooses the staff events you receive by e-mail (If-Match optional); an event left out is not sent to you.</summary>
public sealed record UpdateMyNotificationSettingsCommand(StaffNotificationSettings Settings, uint? ExpectedVersion)
    : ICommand<SettingDto<StaffNotificationSettings>>;

public sealed class UpdateMyNotificationSettingsCommandHandler(ISettingsStore store, ICurrentUser user)
    : ICommandHandler<UpdateMyNotificationSettingsCommand, SettingDto<StaffNotificationSettings>>
{
    public async ValueTask<SettingDto<StaffNotificationSettings>> Handle(UpdateMyNotificationSettingsCommand command, CancellationToken cancellationToken)
    {
        var settings = command.Settings with { Receive = command.Settings.Receive.Distinct().ToList() };
        var version = await store.SaveAsync(StaffNotificationSettings.KeyOf(user.Id!.Value), settings, command.ExpectedVersion, cancellationToken);
        return new SettingDto<StaffNotificationSettings>(settings, version);
    }
}
