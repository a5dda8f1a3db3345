using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Domain.Sla;

/// <summary>The service-level milestones of a complaint (domain brief §1), each with its own clock.</summary>
public enum SlaMilestone
{
    /// <summary>Registered, counted from receipt.</summary>
    Registered,

    /// <summary>Classified and assigned to a handler, counted from registration.</summary>
    Assigned,

    /// <summary>The handler's first contact with the customer, counted from registration.</summary>
    FirstContact,

    /// <summary>A solution proposed to the customer, counted from registration.</summary>
    SolutionProposed,

    /// <summary>The result fed back to the customer, counted from the solution's acceptance.</summary>
    ResultFedBack,
}

/// <summary>Why a complaint's clocks stand still.</summary>
public enum SlaPauseReason
{
    WaitingForCustomer,
    WaitingForThirdParty,
}

public enum SlaState
{
    Pending,
    AtRisk,
    Met,
    Breached,
    MetLate,
}

/// <summary>The targets of each milestone per severity, as working time, and when a clock counts as at risk.</summary>
public sealed class SlaPolicy
{
    public SlaPolicy(IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, WorkingDuration>> targets, double atRiskFraction = 0.8)
    {
        foreach (var severity in Enum.GetValues<Severity>())
        {
            foreach (var milestone in Enum.GetValues<SlaMilestone>())
            {
                if (!targets.TryGetValue(severity, out var perMilestone) || !perMilestone.ContainsKey(milestone))
                {
                    throw new DomainException("sla.missingTarget", $"No target for {milestone} of {severity} complaints.");
                }
            }
        }

        if (atRiskFraction is <= 0 or >= 1)
        {
            throw new DomainException("sla.atRiskFraction", "The at-risk threshold is a fraction between 0 and 1.");
        }

        Targets = targets;
        AtRiskFraction = atRiskFraction;
    }

    public IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, WorkingDuration>> Targets { get; }

    public double AtRiskFraction { get; }

    /// <summary>The domain brief's defaults: registered 1 h, assigned 2 h, first contact 1 working day, solution 3 (major 5) days, feedback 3 days.</summary>
    public static SlaPolicy Default { get; } = new(new Dictionary<Severity, IReadOnlyDictionary<SlaMilestone, WorkingDuration>>
    {
        [Severity.General] = DefaultTargets("P3D"),
        [Severity.Major] = DefaultTargets("P5D"),
    });

    private static Dictionary<SlaMilestone, WorkingDuration> DefaultTargets(string solution) => new()
    {
        [SlaMilestone.Registered] = WorkingDuration.Parse("PT1H"),
        [SlaMilestone.Assigned] = WorkingDuration.Parse("PT2H"),
        [SlaMilestone.FirstContact] = WorkingDuration.Parse("P1D"),
        [SlaMilestone.SolutionProposed] = WorkingDuration.Parse(solution),
        [SlaMilestone.ResultFedBack] = WorkingDuration.Parse("P3D"),
    };
}

/// <summary>Computes due times: a policy's targets laid on a business calendar.</summary>
public sealed class SlaSchedule(BusinessCalendar calendar, SlaPolicy policy)
{
    public BusinessCalendar Calendar { get; } = calendar;

    public SlaPolicy Policy { get; } = policy;

    public DateTimeOffset Due(SlaMilestone milestone, Severity severity, DateTimeOffset start)
    {
        var target = Policy.Targets[severity][milestone];
        return Calendar.AddWorkingTime(Calendar.AddWorkingDays(start, target.Days), target.Time);
    }

    /// <summary>The instant from which a clock running from <paramref name="start"/> to <paramref name="due"/> is at risk.</summary>
    public DateTimeOffset AtRiskFrom(DateTimeOffset start, DateTimeOffset due) =>
        Calendar.AddWorkingTime(start, Calendar.WorkingTimeBetween(start, due) * Policy.AtRiskFraction);

    /// <summary>The new due time of a clock resumed at <paramref name="now"/> after a pause that began at <paramref name="pausedAt"/>.</summary>
    public DateTimeOffset Resume(DateTimeOffset pausedAt, DateTimeOffset due, DateTimeOffset now) =>
        Calendar.AddWorkingTime(now, Calendar.WorkingTimeBetween(pausedAt, due));
}
