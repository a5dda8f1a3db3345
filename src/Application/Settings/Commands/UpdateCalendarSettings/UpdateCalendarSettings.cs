using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Settings.Commands.UpdateCalendarSettings;

/// <summary>Replaces the business calendar. Clocks not yet met follow it from their next change or scan.</summary>
public sealed record UpdateCalendarSettingsCommand(CalendarSettings Settings, uint? ExpectedVersion) : ICommand<SettingDto<CalendarSettings>>;

public sealed class UpdateCalendarSettingsCommandHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : ICommandHandler<UpdateCalendarSettingsCommand, SettingDto<CalendarSettings>>
{
    public async ValueTask<SettingDto<CalendarSettings>> Handle(UpdateCalendarSettingsCommand command, CancellationToken cancellationToken)
    {
        var version = await store.SaveAsync(CalendarSettings.Key, command.Settings, command.ExpectedVersion, cancellationToken);
        schedules.Invalidate();
        return new SettingDto<CalendarSettings>(command.Settings, version);
    }
}
