using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Notifications;
using CustomerCare.Application.Settings;
using Mediator;

namespace CustomerCare.Application.Auth.Queries.GetMyNotificationSettings;

/// <summary>The staff events you receive by e-mail (every one until you choose).</summary>
public sealed record GetMyNotificationSettingsQuery : IQuery<SettingDto<StaffNotificationSettings>>;

public sealed class GetMyNotificationSettingsQueryHandler(ISettingsStore store, ICurrentUser user)
    : IQueryHandler<GetMyNotificationSettingsQuery, SettingDto<StaffNotificationSettings>>
{
    public async ValueTask<SettingDto<StaffNotificationSettings>> Handle(GetMyNotificationSettingsQuery query, CancellationToken cancellationToken) =>
        await store.GetAsync<StaffNotificationSettings>(StaffNotificationSettings.KeyOf(user.Id!.Value), cancellationToken) is { } stored
            ? new SettingDto<StaffNotificationSettings>(stored.Value, stored.Version)
            : new SettingDto<StaffNotificationSettings>(StaffNotificationSettings.Default, 0);
}
