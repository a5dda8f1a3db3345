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

    /// <summary>End to end: the complaint resolved, counted from receipt.</summary>
    Resolution,
}

/// <summary>What a target's time is counted in.</summary>
public enum SlaBasis
{
    /// <summary>Working time on the business calendar: nights, weekends and holidays do not count.</summary>
    Working,

    /// <summary>Wall-clock time, seven days a week, around the clock ("within 24 hours" means 24 hours).</summary>
    Calendar,
}

/// <summary>One milestone's target: how long, counted in which time.</summary>
public sealed record SlaTarget(WorkingDuration Duration, SlaBasis Basis)
{
    public static SlaTarget Working(string iso) => new(WorkingDuration.Parse(iso), SlaBasis.Working);

    public static SlaTarget Calendar(string iso) => new(WorkingDuration.Parse(iso), SlaBasis.Calendar);
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

/// <summary>
/// The targets of each milestone per severity, each on its time basis; the key-customer targets that replace some of them
/// for complaints of key customers; and when a clock counts as at risk.
/// </summary>
public sealed class SlaPolicy
{
    public SlaPolicy(
        IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>> targets, double atRiskFraction = 0.8,
        IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>>? keyCustomerTargets = null)
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
        KeyCustomerTargets = keyCustomerTargets ?? new Dictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>>();
    }

    public IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>> Targets { get; }

    /// <summary>Per severity, the milestones whose targets differ for a key customer's complaint (the others are as <see cref="Targets"/>).</summary>
    public IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>> KeyCustomerTargets { get; }

    public double AtRiskFraction { get; }

    /// <summary>
    /// (Declared before <see cref="Default"/>, which reads it: static fields start in the order they are written.)
    /// What a key customer's complaint is promised by default, where it is shorter: registered within 30 working minutes,
    /// assigned within 1 working hour, first contact within 4 hours, a solution in 2 (major 3) working days, the result
    /// in 2 and the whole in 4 (major 6) working days.
    /// </summary>
    public static IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>> DefaultKeyCustomerTargets { get; } =
        new Dictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>>
        {
            [Severity.General] = DefaultKeyTargets(solution: "P2D", resolution: "P4D"),
            [Severity.Major] = DefaultKeyTargets(solution: "P3D", resolution: "P6D"),
        };

    /// <summary>
    /// The domain brief's defaults: registered 1 working hour, assigned 2 working hours, first contact 24 hours of
    /// wall-clock time, solution 3 (major 5) working days, result fed back 3 working days, resolved end to end 6 (major 8)
    /// working days.
    /// </summary>
    public static SlaPolicy Default { get; } = new(
        new Dictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>>
        {
            [Severity.General] = DefaultTargets(solution: "P3D", resolution: "P6D"),
            [Severity.Major] = DefaultTargets(solution: "P5D", resolution: "P8D"),
        },
        keyCustomerTargets: DefaultKeyCustomerTargets);

    /// <summary>The target of a milestone for a complaint of this severity, of a key customer or not.</summary>
    public SlaTarget Target(SlaMilestone milestone, Severity severity, bool keyCustomer) =>
        keyCustomer && KeyCustomerTargets.TryGetValue(severity, out var key) && key.TryGetValue(milestone, out var target)
            ? target
            : Targets[severity][milestone];

    private static Dictionary<SlaMilestone, SlaTarget> DefaultKeyTargets(string solution, string resolution) => new()
    {
        [SlaMilestone.Registered] = SlaTarget.Working("PT30M"),
        [SlaMilestone.Assigned] = SlaTarget.Working("PT1H"),
        [SlaMilestone.FirstContact] = SlaTarget.Calendar("PT4H"),
        [SlaMilestone.SolutionProposed] = SlaTarget.Working(solution),
        [SlaMilestone.ResultFedBack] = SlaTarget.Working("P2D"),
        [SlaMilestone.Resolution] = SlaTarget.Working(resolution),
    };

    private static Dictionary<SlaMilestone, SlaTarget> DefaultTargets(string solution, string resolution) => new()
    {
        [SlaMilestone.Registered] = SlaTarget.Working("PT1H"),
        [SlaMilestone.Assigned] = SlaTarget.Working("PT2H"),
        [SlaMilestone.FirstContact] = SlaTarget.Calendar("PT24H"),
        [SlaMilestone.SolutionProposed] = SlaTarget.Working(solution),
        [SlaMilestone.ResultFedBack] = SlaTarget.Working("P3D"),
        [SlaMilestone.Resolution] = SlaTarget.Working(resolution),
    };
}

/// <summary>
/// Computes due times: a policy's targets laid on a business calendar (working time) or on the wall clock of the
/// calendar's time zone (calendar time), as each target says.
/// </summary>
public sealed class SlaSchedule(BusinessCalendar calendar, SlaPolicy policy, string calendarName = CalendarNames.Default)
{
    private readonly BusinessCalendar _aroundTheClock = BusinessCalendar.AroundTheClock(calendar.TimeZoneId);

    public BusinessCalendar Calendar { get; } = calendar;

    /// <summary>The name of <see cref="Calendar"/>, as departments refer to it.</summary>
    public string CalendarName { get; } = calendarName;

    public SlaPolicy Policy { get; } = policy;

    public SlaTarget Target(SlaMilestone milestone, Severity severity, bool keyCustomer) => Policy.Target(milestone, severity, keyCustomer);

    /// <summary>The clock a target of this basis counts on: the business calendar, or every hour of every day.</summary>
    public BusinessCalendar ClockOf(SlaBasis basis) => basis == SlaBasis.Calendar ? _aroundTheClock : Calendar;

    public DateTimeOffset Due(SlaMilestone milestone, Severity severity, bool keyCustomer, DateTimeOffset start)
    {
        var target = Target(milestone, severity, keyCustomer);
        var clock = ClockOf(target.Basis);
        return clock.AddWorkingTime(clock.AddWorkingDays(start, target.Duration.Days), target.Duration.Time);
    }

    /// <summary>The instant from which a clock running from <paramref name="start"/> to <paramref name="due"/> is at risk.</summary>
    public DateTimeOffset AtRiskFrom(SlaBasis basis, DateTimeOffset start, DateTimeOffset due)
    {
        var clock = ClockOf(basis);
        return clock.AddWorkingTime(start, clock.WorkingTimeBetween(start, due) * Policy.AtRiskFraction);
    }
}
