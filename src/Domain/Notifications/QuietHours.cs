using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Notifications;

/// <summary>
/// The hours of the night in which no text message is sent (default 21:00–08:00 in the calendar's time zone): one
/// planned then waits for the end of them — deferred, never dropped. A period that crosses midnight is the usual case;
/// equal start and end mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours Default = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public bool IsNone => Start == End;

    /// <summary>Whether <paramref name="local"/> (a wall-clock time) lies in them.</summary>
    public bool Contain(TimeOnly local) =>
        !IsNone && (Start < End ? local >= Start && local < End : local >= Start || local < End);

    /// <summary>The first moment at or after <paramref name="now"/> outside the quiet hours, in <paramref name="zone"/>.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contain(time))
        {
            return now;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        var endDay = Start < End || time < End ? day : day.AddDays(1);
        var end = endDay.ToDateTime(End, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(30); // a wall-clock time skipped by a daylight-saving change
        }

        return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
    }

    /// <summary>Parses <c>21:00-08:00</c>.</summary>
    public static QuietHours Parse(string text)
    {
        var parts = (text ?? string.Empty).Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var end))
        {
            throw new DomainException("notifications.quietHours", $"'{text}' is not a period like 21:00-08:00.");
        }

        return new QuietHours(start, end);
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
