using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Calendars.Queries.ListCalendars;

/// <summary>Every business calendar by name (the default first), its entered years and how many departments work by it.</summary>
public sealed record ListCalendarsQuery : IQuery<IReadOnlyList<CalendarSummaryDto>>;

public sealed class ListCalendarsQueryHandler(IApplicationDbContext db, ISettingsStore store, ISlaScheduleProvider schedules)
    : IQueryHandler<ListCalendarsQuery, IReadOnlyList<CalendarSummaryDto>>
{
    public async ValueTask<IReadOnlyList<CalendarSummaryDto>> Handle(ListCalendarsQuery query, CancellationToken cancellationToken)
    {
        var calendars = await CalendarCatalog.LoadAsync(store, schedules.DefaultCalendar, cancellationToken);
        var departments = await db.Departments.AsNoTracking().GroupBy(d => d.Calendar).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key ?? CalendarNames.Default, g => g.Count, cancellationToken);
        return calendars.Values
            .OrderBy(c => c.Name != CalendarNames.Default).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CalendarSummaryDto(c.Name, c.Settings,
                c.Years.OrderBy(y => y.Key).Select(y => new CalendarYearSummaryDto(
                    y.Key, y.Value.Value.Holidays.Count, y.Value.Value.MakeUpWorkingDays.Count, y.Value.Value.Source, y.Value.Value.ReviewedAt)).ToList(),
                departments.GetValueOrDefault(c.Name)))
            .ToList();
    }
}
