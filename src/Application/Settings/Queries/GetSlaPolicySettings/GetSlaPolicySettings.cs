using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Settings.Queries.GetSlaPolicySettings;

public sealed record GetSlaPolicySettingsQuery : IQuery<SettingDto<SlaPolicySettings>>;

public sealed class GetSlaPolicySettingsQueryHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : IQueryHandler<GetSlaPolicySettingsQuery, SettingDto<SlaPolicySettings>>
{
    public async ValueTask<SettingDto<SlaPolicySettings>> Handle(GetSlaPolicySettingsQuery query, CancellationToken cancellationToken) =>
        await store.GetAsync<SlaPolicySettings>(SlaPolicySettings.Key, cancellationToken) is { } stored
            ? new SettingDto<SlaPolicySettings>(stored.Value, stored.Version)
            : new SettingDto<SlaPolicySettings>(schedules.DefaultPolicy, 0);
}
