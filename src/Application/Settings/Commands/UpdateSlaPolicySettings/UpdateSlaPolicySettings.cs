using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Settings.Commands.UpdateSlaPolicySettings;

/// <summary>Replaces the SLA targets. Clocks not yet met follow them from their next change or scan.</summary>
public sealed record UpdateSlaPolicySettingsCommand(SlaPolicySettings Settings, uint? ExpectedVersion) : ICommand<SettingDto<SlaPolicySettings>>;

public sealed class UpdateSlaPolicySettingsCommandHandler(ISettingsStore store, ISlaScheduleProvider schedules)
    : ICommandHandler<UpdateSlaPolicySettingsCommand, SettingDto<SlaPolicySettings>>
{
    public async ValueTask<SettingDto<SlaPolicySettings>> Handle(UpdateSlaPolicySettingsCommand command, CancellationToken cancellationToken)
    {
        var version = await store.SaveAsync(SlaPolicySettings.Key, command.Settings, command.ExpectedVersion, cancellationToken);
        schedules.Invalidate();
        return new SettingDto<SlaPolicySettings>(command.Settings, version);
    }
}
