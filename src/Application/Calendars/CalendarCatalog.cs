using System.Globalization;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Calendars;

/// <summary>A stored calendar with its entered years.</summary>
public sealed record CalendarEntry(string Name, CalendarSettings Settings, uint Version, IReadOnlyDictionary<int, StoredSetting<CalendarYear>> Years)
{
    /// <summary>The working calendar: the weekly hours, and the holidays and make-up days of the calendar and of every entered year.</summary>
    public BusinessCalendar ToCalendar() => Settings.ToCalendar(Years.Values.Select(y => y.Value));
}

/// <summary>Reads the named calendars and their years from the settings.</summary>
public static class CalendarCatalog
{
    /// <summary>Every calendar by name; the default one always (the configuration's defaults until an operator stores it).</summary>
    public static async Task<IReadOnlyDictionary<string, CalendarEntry>> LoadAsync(
        ISettingsStore store, CalendarSettings defaultCalendar, CancellationToken cancellationToken)
    {
        var named = await store.ListAsync<CalendarSettings>(CalendarKeys.Prefix, cancellationToken);
        var years = await store.ListAsync<CalendarYear>(CalendarKeys.YearPrefix, cancellationToken);
        var byCalendar = years
            .Select(y => (Key: y.Key[CalendarKeys.YearPrefix.Length..], y.Value))
            .Select(y => (Name: y.Key[..Math.Max(0, y.Key.LastIndexOf('.'))], Year: y.Key[(y.Key.LastIndexOf('.') + 1)..], y.Value))
            .Where(y => int.TryParse(y.Year, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .GroupBy(y => y.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, StoredSetting<CalendarYear>>)g.ToDictionary(
                y => int.Parse(y.Year, CultureInfo.InvariantCulture), y => y.Value), StringComparer.Ordinal);
        IReadOnlyDictionary<int, StoredSetting<CalendarYear>> YearsOf(string name) =>
            byCalendar.GetValueOrDefault(name) ?? new Dictionary<int, StoredSetting<CalendarYear>>();

        var stored = await store.GetAsync<CalendarSettings>(CalendarSettings.Key, cancellationToken);
        var calendars = new Dictionary<string, CalendarEntry>(StringComparer.Ordinal)
        {
            [CalendarNames.Default] = new(CalendarNames.Default, stored?.Value ?? defaultCalendar, stored?.Version ?? 0, YearsOf(CalendarNames.Default)),
        };
        foreach (var (key, calendar) in named)
        {
            var name = CalendarKeys.NameOf(key);
            if (CalendarNames.IsValid(name))
            {
                calendars[name] = new CalendarEntry(name, calendar.Value, calendar.Version, YearsOf(name));
            }
        }

        return calendars;
    }

    /// <summary>
    /// The calendar with these years makes sense (no day both a holiday and a make-up day, valid hours, a known zone); its
    /// refusal is a 400 on <paramref name="field"/>.
    /// </summary>
    public static void EnsureConsistent(CalendarSettings settings, IEnumerable<CalendarYear> years, string field)
    {
        try
        {
            settings.ToCalendar(years);
        }
        catch (DomainException ex)
        {
            throw new ValidationException(field, ex.Text);
        }
    }

    public static async Task<CalendarEntry?> FindAsync(ISettingsStore store, ISlaScheduleProvider schedules, string name, CancellationToken cancellationToken) =>
        CalendarNames.IsValid(name) && (await LoadAsync(store, schedules.DefaultCalendar, cancellationToken)).TryGetValue(name, out var entry) ? entry : null;
}
