using System.Text.Json;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>
/// The defaults of the business calendar and SLA targets, under <c>CustomerCare:Sla</c>, stored on an empty
/// database; operators change them through /api/v1/settings. Working hours per weekday are
/// <c>HH:mm-HH:mm</c> periods separated by commas (<c>09:00-12:00,13:00-18:00</c>; <c>00:00-24:00</c> all day).
/// </summary>
public sealed class SlaOptions
{
    public const string SectionName = "CustomerCare:Sla";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public Dictionary<DayOfWeek, string> WorkingHours { get; set; } = new()
    {
        [DayOfWeek.Monday] = "09:00-18:00",
        [DayOfWeek.Tuesday] = "09:00-18:00",
        [DayOfWeek.Wednesday] = "09:00-18:00",
        [DayOfWeek.Thursday] = "09:00-18:00",
        [DayOfWeek.Friday] = "09:00-18:00",
    };

    /// <summary>Public holidays (yyyy-MM-dd).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange for holidays (yyyy-MM-dd); they use Monday's hours.</summary>
    public List<DateOnly> MakeUpWorkingDays { get; set; } = [];

    /// <summary>
    /// Overrides of the default targets: severity → milestone → duration (ISO 8601) and basis (working or calendar),
    /// e.g. <c>CustomerCare__Sla__Targets__Major__FirstContact__Duration=PT4H</c>. A basis left out keeps the default's.
    /// </summary>
    public Dictionary<Severity, Dictionary<SlaMilestone, SlaTargetOptions>> Targets { get; set; } = [];

    /// <summary>
    /// Overrides of the default key-customer targets, in the same shape
    /// (<c>CustomerCare__Sla__KeyCustomerTargets__General__FirstContact__Duration=PT2H</c>).
    /// </summary>
    public Dictionary<Severity, Dictionary<SlaMilestone, SlaTargetOptions>> KeyCustomerTargets { get; set; } = [];

    public double AtRiskFraction { get; set; } = 0.8;

    /// <summary>How often the breach worker looks for clocks that crossed a line. Zero turns it off (another process runs it).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    public CalendarSettings ToCalendarSettings() => new(
        TimeZone,
        WorkingHours.ToDictionary(d => JsonNamingPolicy.CamelCase.ConvertName(d.Key.ToString()),
            d => (IReadOnlyList<string>)d.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        Holidays, MakeUpWorkingDays);

    public SlaPolicySettings ToPolicySettings() => SlaPolicySettings.From(ToPolicy());

    /// <summary>The schedule these defaults describe; the calendar is read exactly as stored settings are.</summary>
    public SlaSchedule ToSchedule() => new(ToCalendarSettings().ToCalendar(), ToPolicy());

    private SlaPolicy ToPolicy() => new(
        Enum.GetValues<Severity>().ToDictionary(
            s => s,
            s => (IReadOnlyDictionary<SlaMilestone, SlaTarget>)Enum.GetValues<SlaMilestone>().ToDictionary(
                m => m,
                m => Targets.TryGetValue(s, out var custom) && custom.TryGetValue(m, out var target)
                    ? target.ToTarget(SlaPolicy.Default.Targets[s][m])
                    : SlaPolicy.Default.Targets[s][m])),
        AtRiskFraction,
        Enum.GetValues<Severity>().ToDictionary(
            s => s,
            s => (IReadOnlyDictionary<SlaMilestone, SlaTarget>)SlaPolicy.DefaultKeyCustomerTargets[s].ToDictionary(
                d => d.Key,
                d => KeyCustomerTargets.TryGetValue(s, out var custom) && custom.TryGetValue(d.Key, out var target) ? target.ToTarget(d.Value) : d.Value)));
}

/// <summary>A configured target; what it leaves out stays as the default target has it.</summary>
public sealed class SlaTargetOptions
{
    public string? Duration { get; set; }

    public SlaBasis? Basis { get; set; }

    public SlaTarget ToTarget(SlaTarget defaults) => new(
        Duration is null ? defaults.Duration : WorkingDuration.Parse(Duration), Basis ?? defaults.Basis);
}
