using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Settings.Queries.GetCalendarSettings;

public sealed record GetCalendarSettingsQuery : IQuery<SettingDto<CalendarSettings>>;

public sealed class GetCalendarSettingsQueryHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : IQueryHandler<GetCalendarSettingsQuery, SettingDto<CalendarSettings>>
{
    public async ValueTask<SettingDto<CalendarSettings>> Handle(GetCalendarSettingsQuery query, CancellationToken cancellationToken) =>
        await store.GetAsync<CalendarSettings>(CalendarSettings.Key, cancellationToken) is { } stored
            ? new SettingDto<CalendarSettings>(stored.Value, stored.Version)
            : new SettingDto<CalendarSettings>(schedules.DefaultCalendar, 0);
}
