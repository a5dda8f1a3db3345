using System.Globalization;
using System.Text.RegularExpressions;
using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Sla;

/// <summary>
/// An amount of time on a target's basis, written as an ISO 8601 duration: the days part counts days (working days
/// on the business calendar, calendar days on the wall clock), the time part hours, minutes and seconds of that
/// basis (<c>PT1H</c>, <c>P3D</c>, <c>P1DT4H</c>, <c>PT24H</c>).
/// </summary>
public sealed partial record WorkingDuration(int Days, TimeSpan Time)
{
    public static WorkingDuration Parse(string iso)
    {
        var match = Pattern().Match(iso?.Trim() ?? string.Empty);
        if (!match.Success || iso!.Trim() is "P" or "PT")
        {
            throw new DomainException("duration.invalid", $"'{iso}' is not an ISO 8601 duration of days and time (e.g. PT2H, P3D).");
        }

        static double Part(Group g) => g.Success ? double.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        var days = (int)Part(match.Groups["d"]);
        var time = TimeSpan.FromHours(Part(match.Groups["h"])) + TimeSpan.FromMinutes(Part(match.Groups["m"])) + TimeSpan.FromSeconds(Part(match.Groups["s"]));
        if (days > 366 || time > TimeSpan.FromDays(366))
        {
            throw new DomainException("duration.tooLong", "A service-level target is at most a year.");
        }

        return new WorkingDuration(days, time);
    }

    public static bool TryParse(string? iso, out WorkingDuration? duration)
    {
        try
        {
            duration = Parse(iso ?? string.Empty);
            return true;
        }
        catch (DomainException)
        {
            duration = null;
            return false;
        }
    }

    public override string ToString()
    {
        var time = string.Concat(
            Time.Hours + (Time.Days * 24) > 0 ? $"{Time.Hours + (Time.Days * 24)}H" : string.Empty,
            Time.Minutes > 0 ? $"{Time.Minutes}M" : string.Empty,
            Time.Seconds > 0 ? $"{Time.Seconds}S" : string.Empty);
        return $"P{(Days > 0 ? $"{Days}D" : string.Empty)}{(time.Length > 0 ? $"T{time}" : Days == 0 ? "T0S" : string.Empty)}";
    }

    [GeneratedRegex(@"^P(?:(?<d>\d{1,3})D)?(?:T(?:(?<h>\d{1,4})H)?(?:(?<m>\d{1,5})M)?(?:(?<s>\d{1,7})S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
