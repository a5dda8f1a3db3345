using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using CustomerCare.Application.Settings.Commands.UpdateCalendarSettings;
using Mediator;

namespace CustomerCare.Application.Calendars.Commands.PutCalendar;

/// <summary>
/// Creates or replaces a named calendar (its time zone, weekly hours and any holidays not kept per year). Its
/// entered years stay; together they must make sense. Clocks on it follow from the next SLA scan.
/// </summary>
public sealed record PutCalendarCommand(string Name, CalendarSettings Settings, uint? ExpectedVersion)
    : ICommand<SettingDto<CalendarSettings>>, ICalendarSettingsCommand;

public sealed class PutCalendarCommandHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : ICommandHandler<PutCalendarCommand, SettingDto<CalendarSettings>>
{
    public async ValueTask<SettingDto<CalendarSettings>> Handle(PutCalendarCommand command, CancellationToken cancellationToken)
    {
        var existing = await CalendarCatalog.FindAsync(store, schedules, command.Name, cancellationToken);
        CalendarCatalog.EnsureConsistent(command.Settings, existing?.Years.Values.Select(y => y.Value) ?? [], "settings.holidays");

        var version = await store.SaveAsync(CalendarKeys.Of(command.Name), command.Settings, command.ExpectedVersion, cancellationToken);
        schedules.Invalidate();
        return new SettingDto<CalendarSettings>(command.Settings, version);
    }
}
