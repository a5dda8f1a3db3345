using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>The business calendar and service-level policy in force.</summary>
public interface ISlaScheduleProvider
{
    SlaSchedule Current { get; }
}
