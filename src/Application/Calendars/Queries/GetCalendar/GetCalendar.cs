using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using Mediator;

namespace CustomerCare.Application.Calendars.Queries.GetCalendar;

/// <summary>One calendar as stored (the holidays of its entered years are read per year), with its version for If-Match.</summary>
public sealed record GetCalendarQuery(string Name) : IQuery<SettingDto<CalendarSettings>>;

public sealed class GetCalendarQueryHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : IQueryHandler<GetCalendarQuery, SettingDto<CalendarSettings>>
{
    public async ValueTask<SettingDto<CalendarSettings>> Handle(GetCalendarQuery query, CancellationToken cancellationToken) =>
        await CalendarCatalog.FindAsync(store, schedules, query.Name, cancellationToken) is { } calendar
            ? new SettingDto<CalendarSettings>(calendar.Settings, calendar.Version)
            : throw new NotFoundException("Calendar", query.Name);
}
