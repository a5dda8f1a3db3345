using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Settings.Commands.UpdateCalendarSettings;

/// <summary>Replaces the default business calendar. Clocks not yet met follow it from the next SLA scan.</summary>
public sealed record UpdateCalendarSettingsCommand(CalendarSettings Settings, uint? ExpectedVersion) : ICommand<SettingDto<CalendarSettings>>, ICalendarSettingsCommand;

public sealed class UpdateCalendarSettingsCommandHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : ICommandHandler<UpdateCalendarSettingsCommand, SettingDto<CalendarSettings>>
{
    public async ValueTask<SettingDto<CalendarSettings>> Handle(UpdateCalendarSettingsCommand command, CancellationToken cancellationToken)
    {
        var entered = (await Calendars.CalendarCatalog.FindAsync(store, schedules, Domain.Sla.CalendarNames.Default, cancellationToken))?.Years.Values;
        Calendars.CalendarCatalog.EnsureConsistent(command.Settings, entered?.Select(y => y.Value) ?? [], "settings.holidays");

        var version = await store.SaveAsync(CalendarSettings.Key, command.Settings, command.ExpectedVersion, cancellationToken);
        schedules.Invalidate();
        return new SettingDto<CalendarSettings>(command.Settings, version);
    }
}
