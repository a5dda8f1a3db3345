using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using Mediator;

namespace CustomerCare.Application.Calendars.Commands.PutCalendarYear;

/// <summary>
/// Enters (or replaces) a year's holidays and make-up working days of a calendar, as reviewed by the administrator who
/// stores them. Clocks on the calendar follow from the next SLA scan.
/// </summary>
public sealed record PutCalendarYearCommand(string Name, int Year, CalendarYearInput Input, uint? ExpectedVersion) : ICommand<SettingDto<CalendarYear>>;

public sealed class PutCalendarYearCommandHandler(ISettingsStore store, ISlaScheduleProvider schedules, ICurrentUser user, TimeProvider time)
    : ICommandHandler<PutCalendarYearCommand, SettingDto<CalendarYear>>
{
    public async ValueTask<SettingDto<CalendarYear>> Handle(PutCalendarYearCommand command, CancellationToken cancellationToken)
    {
        var calendar = await CalendarCatalog.FindAsync(store, schedules, command.Name, cancellationToken)
            ?? throw new NotFoundException("Calendar", command.Name);
        var year = new CalendarYear(
            command.Input.Holidays.Distinct().Order().ToList(), command.Input.MakeUpWorkingDays.Distinct().Order().ToList(),
            string.IsNullOrWhiteSpace(command.Input.Source) ? null : command.Input.Source.Trim(), time.GetUtcNow(), user.Id);
        CalendarCatalog.EnsureConsistent(
            calendar.Settings, calendar.Years.Where(y => y.Key != command.Year).Select(y => y.Value.Value).Append(year), "makeUpWorkingDays");

        var version = await store.SaveAsync(CalendarKeys.Year(calendar.Name, command.Year), year, command.ExpectedVersion, cancellationToken);
        schedules.Invalidate();
        return new SettingDto<CalendarYear>(year, version);
    }
}
