using CustomerCare.Application.Settings;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>The business calendars and service-level policy in force: the operator's settings, or the defaults.</summary>
public interface ISlaScheduleProvider
{
    /// <summary>The schedule on the default calendar (dates, reports, time zone of the organisation).</summary>
    ValueTask<SlaSchedule> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>The schedule on the calendar the department works by: the default one for no department (or a calendar since deleted).</summary>
    ValueTask<SlaSchedule> GetForDepartmentAsync(Guid? departmentId, CancellationToken cancellationToken);

    /// <summary>
    /// A fingerprint of all the schedules are made of (calendars, their years, the targets, which department works by
    /// which calendar): when it changes, open complaints' clocks are recomputed.
    /// </summary>
    ValueTask<string> GetStampAsync(CancellationToken cancellationToken);

    /// <summary>The settings used when the operator has stored none.</summary>
    CalendarSettings DefaultCalendar { get; }

    SlaPolicySettings DefaultPolicy { get; }

    /// <summary>Forget the cached schedule (after the settings changed).</summary>
    void Invalidate();
}
