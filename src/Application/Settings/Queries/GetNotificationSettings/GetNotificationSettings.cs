using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Notifications;
using Mediator;

namespace CustomerCare.Application.Settings.Queries.GetNotificationSettings;

public sealed record GetNotificationSettingsQuery : IQuery<SettingDto<NotificationSettings>>;

public sealed class GetNotificationSettingsQueryHandler(ISettingsStore store) : IQueryHandler<GetNotificationSettingsQuery, SettingDto<NotificationSettings>>
{
    public async ValueTask<SettingDto<NotificationSettings>> Handle(GetNotificationSettingsQuery query, CancellationToken cancellationToken) =>
        await store.GetAsync<NotificationSettings>(NotificationSettings.Key, cancellationToken) is { } stored
            ? new SettingDto<NotificationSettings>(stored.Value, stored.Version)
            : new SettingDto<NotificationSettings>(NotificationSettings.Default, 0);
}
