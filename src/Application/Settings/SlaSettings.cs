using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Settings;

/// <summary>
/// The business calendar as operators write it: an IANA time zone; per weekday (monday … sunday) working periods
/// <c>HH:mm-HH:mm</c> (<c>00:00-24:00</c> for all day); public holidays and make-up working days (which keep
/// Monday's hours).
/// </summary>
public sealed record CalendarSettings(
    [property: MaxLength(CalendarSettings.TimeZoneMaxLength)] string TimeZone,
    [property: ItemLimits(MaxProperties = CalendarSettings.MaxWeekdays, MaxItems = CalendarSettings.MaxPeriodsPerDay, ItemMaxLength = CalendarSettings.PeriodMaxLength)] IReadOnlyDictionary<string, IReadOnlyList<string>> WorkingHours,
    [property: MaxLength(CalendarSettings.MaxDays)] IReadOnlyList<DateOnly> Holidays,
    [property: MaxLength(CalendarSettings.MaxDays)] IReadOnlyList<DateOnly> MakeUpWorkingDays)
{
    public const string Key = "calendar";
    public const int TimeZoneMaxLength = 100;
    public const int MaxWeekdays = 7;
    public const int MaxDays = 1000;
    public const int MaxPeriodsPerDay = 12;
    public const int PeriodMaxLength = 20;

    public BusinessCalendar ToCalendar() => ToCalendar([]);

    /// <summary>The calendar with the holidays and make-up days of the given years added to its own.</summary>
    public BusinessCalendar ToCalendar(IEnumerable<Calendars.CalendarYear> years)
    {
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>();
        foreach (var (name, periods) in WorkingHours)
        {
            if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) || !name.All(char.IsLetter))
            {
                throw new DomainException("calendar.unknownDay", $"'{name}' is not a weekday (monday … sunday).");
            }

            week[day] = (periods ?? throw new DomainException("calendar.invalidPeriod", $"Give '{name}' a list of periods like 09:00-18:00 (an empty list for a day off)."))
                .Select(ParsePeriod).ToList();
        }

        var entered = years.ToList();
        return new BusinessCalendar(TimeZone, week,
            Holidays.Concat(entered.SelectMany(y => y.Holidays ?? [])).Distinct(),
            MakeUpWorkingDays.Concat(entered.SelectMany(y => y.MakeUpWorkingDays ?? [])).Distinct(),
            week.GetValueOrDefault(DayOfWeek.Monday));
    }

    private static WorkingPeriod ParsePeriod(string? period)
    {
        var parts = (period ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || Clock(parts[0]) is not { } start || Clock(parts[1]) is not { } end)
        {
            throw new DomainException("calendar.invalidPeriod", $"'{period}' is not a period like 09:00-18:00.");
        }

        return WorkingPeriod.Create(start, end);
    }

    private static TimeSpan? Clock(string text) =>
        text == "24:00" ? TimeSpan.FromHours(24)
        : TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var clock) ? clock : null;
}

/// <summary>
/// Targets per severity (general, major) and milestone, each an ISO 8601 duration on its basis (working time on the
/// business calendar, or calendar time around the clock), and the at-risk share. <c>keyCustomerTargets</c> has the same
/// shape but names only the milestones a key customer's complaint is promised differently (left out: the defaults, which
/// are shorter; <c>{}</c>: none differ).
/// </summary>
public sealed record SlaPolicySettings(
    double AtRiskFraction,
    [property: ItemLimits(MaxProperties = SlaPolicySettings.MaxEntries)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlaTargetSettings>> Targets,
    [property: ItemLimits(MaxProperties = SlaPolicySettings.MaxEntries)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlaTargetSettings>>? KeyCustomerTargets = null)
{
    public const string Key = "slaPolicies";

    /// <summary>Most entries of the targets and of each severity's milestones (there are 2 severities and 6 milestones).</summary>
    public const int MaxEntries = 12;

    public SlaPolicy ToPolicy() => new(
        Parse(Targets), AtRiskFraction, KeyCustomerTargets is null ? SlaPolicy.DefaultKeyCustomerTargets : Parse(KeyCustomerTargets));

    public static SlaPolicySettings From(SlaPolicy policy) => new(policy.AtRiskFraction, Names(policy.Targets), Names(policy.KeyCustomerTargets));

    /// <summary>The target sets of the settings, each named by its JSON property, for validation.</summary>
    public IEnumerable<(string Name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlaTargetSettings>> Targets)> TargetSets()
    {
        if (Targets is not null)
        {
            yield return ("targets", Targets);
        }

        if (KeyCustomerTargets is not null)
        {
            yield return ("keyCustomerTargets", KeyCustomerTargets);
        }
    }

    private static Dictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>> Parse(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlaTargetSettings>> settings)
    {
        var targets = new Dictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>>();
        foreach (var (severityName, milestones) in settings)
        {
            var severity = Parse<Severity>(severityName, "sla.unknownSeverity");
            targets[severity] = (milestones ?? throw new DomainException("sla.invalidTargets", $"Give '{severityName}' its targets per milestone."))
                .ToDictionary(m => Parse<SlaMilestone>(m.Key, "sla.unknownMilestone"), m => (m.Value ?? throw new DomainException("sla.invalidTargets", $"Give '{m.Key}' a duration and a basis.")).ToTarget());
        }

        return targets;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, SlaTargetSettings>> Names(IReadOnlyDictionary<Severity, IReadOnlyDictionary<SlaMilestone, SlaTarget>> targets) =>
        targets.ToDictionary(
            t => Name(t.Key),
            t => (IReadOnlyDictionary<string, SlaTargetSettings>)t.Value.ToDictionary(m => Name(m.Key), m => SlaTargetSettings.From(m.Value)));

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static TEnum Parse<TEnum>(string name, string code)
        where TEnum : struct, Enum =>
        name.All(char.IsLetter) && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value)
            ? value
            : throw new DomainException(code, $"'{name}' is not one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(Name))}.");
}

/// <summary>One milestone's target: an ISO 8601 duration (<c>PT24H</c>, <c>P3D</c>) and what it counts (<c>working</c> or <c>calendar</c> time).</summary>
public sealed record SlaTargetSettings([property: MaxLength(SlaTargetSettings.DurationMaxLength)] string Duration, SlaBasis? Basis)
{
    public const int DurationMaxLength = 32;

    public SlaTarget ToTarget() => new(
        WorkingDuration.Parse(Duration),
        Basis ?? throw new DomainException("sla.missingBasis", "Say what a target counts: working or calendar time."));

    public static SlaTargetSettings From(SlaTarget target) => new(target.Duration.ToString(), target.Basis);
}
