using System.Text.RegularExpressions;

namespace CustomerCare.Domain.Sla;

/// <summary>How business calendars are named: lower-case letters, digits and hyphens (<c>default</c>, <c>hotline-24x7</c>).</summary>
public static partial class CalendarNames
{
    public const int MaxLength = 40;

    /// <summary>The calendar every department without one of its own works by; it cannot be deleted.</summary>
    public const string Default = "default";

    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,39}$";

    public static bool IsValid(string? name) => name is not null && Valid().IsMatch(name);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Valid();
}
