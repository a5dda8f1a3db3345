using CustomerCare.Application.Settings;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>The business calendar and service-level policy in force: the operator's settings, or the defaults.</summary>
public interface ISlaScheduleProvider
{
    ValueTask<SlaSchedule> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>The settings used when the operator has stored none.</summary>
    CalendarSettings DefaultCalendar { get; }

    SlaPolicySettings DefaultPolicy { get; }

    /// <summary>Forget the cached schedule (after the settings changed).</summary>
    void Invalidate();
}
