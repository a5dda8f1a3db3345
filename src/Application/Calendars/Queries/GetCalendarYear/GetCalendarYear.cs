using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using Mediator;

namespace CustomerCare.Application.Calendars.Queries.GetCalendarYear;

/// <summary>A year's holidays and make-up working days of a calendar, with their source and review; 404 when none were entered.</summary>
public sealed record GetCalendarYearQuery(string Name, int Year) : IQuery<SettingDto<CalendarYear>>;

public sealed class GetCalendarYearQueryHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : IQueryHandler<GetCalendarYearQuery, SettingDto<CalendarYear>>
{
    public async ValueTask<SettingDto<CalendarYear>> Handle(GetCalendarYearQuery query, CancellationToken cancellationToken)
    {
        var calendar = await CalendarCatalog.FindAsync(store, schedules, query.Name, cancellationToken)
            ?? throw new NotFoundException("Calendar", query.Name);
        return calendar.Years.TryGetValue(query.Year, out var year)
            ? new SettingDto<CalendarYear>(year.Value, year.Version)
            : throw new NotFoundException("Calendar year", $"{query.Name}/{query.Year}");
    }
}
