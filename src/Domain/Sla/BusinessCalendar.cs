using System.Collections.Concurrent;
using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Sla;

/// <summary>A stretch of working time within one local day: from <see cref="Start"/> to <see cref="End"/> (at most 24:00).</summary>
public sealed record WorkingPeriod(TimeSpan Start, TimeSpan End)
{
    public static WorkingPeriod Create(TimeSpan start, TimeSpan end) =>
        start >= TimeSpan.Zero && end <= TimeSpan.FromHours(24) && start < end
            ? new WorkingPeriod(start, end)
            : throw new DomainException("calendar.invalidPeriod", $"A working period runs within a day, start before end (got {start}–{end}).");
}

/// <summary>
/// When the organisation works: hours per weekday, public holidays, make-up working days, in one time zone. It
/// answers the two questions every service-level clock asks: what instant is N working hours or working days
/// after T, and how much working time lies between A and B. All instants in and out are absolute
/// (<see cref="DateTimeOffset"/>); days, hours and daylight-saving changes are those of <see cref="TimeZoneId"/>.
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysSearched = 3 * 366;

    /// <summary>Days whose working periods are remembered: ten years, more than any clock or report asks of one calendar.</summary>
    private const int MaxDaysRemembered = 10 * 366;

    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, WorkingPeriod[]> _week;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpDays;
    private readonly WorkingPeriod[] _makeUpHours;
    private readonly ConcurrentDictionary<DateOnly, (DateTimeOffset Start, DateTimeOffset End)[]> _intervals = new();
    private int _remembered;

    public BusinessCalendar(
        string timeZoneId, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>> week,
        IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays, IReadOnlyList<WorkingPeriod>? makeUpDayHours = null)
    {
        _zone = FindZone(timeZoneId);
        TimeZoneId = timeZoneId;
        _week = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => Normalise(week.TryGetValue(d, out var p) ? p : []));
        _holidays = holidays.ToHashSet();
        _makeUpDays = makeUpWorkingDays.ToHashSet();
        if (_holidays.Overlaps(_makeUpDays))
        {
            throw new DomainException("calendar.holidayIsMakeUpDay", "A day cannot be both a holiday and a make-up working day.");
        }

        _makeUpHours = Normalise(makeUpDayHours ?? _week.Values.FirstOrDefault(p => p.Length > 0) ?? []);
        if (_week.Values.All(p => p.Length == 0))
        {
            throw new DomainException("calendar.noWorkingTime", "A calendar needs working hours on at least one weekday.");
        }
    }

    public string TimeZoneId { get; }

    /// <summary>Monday to Friday, 09:00–18:00, in the given zone (Asia/Shanghai unless said otherwise).</summary>
    public static BusinessCalendar Standard(string timeZoneId = "Asia/Shanghai") => new(timeZoneId,
        new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>
        {
            [DayOfWeek.Monday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Tuesday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Wednesday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Thursday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Friday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
        },
        [], []);

    /// <summary>Every day, all day: working time is elapsed time.</summary>
    public static BusinessCalendar AroundTheClock(string timeZoneId = "UTC") => new(timeZoneId,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<WorkingPeriod>)[WorkingPeriod.Create(TimeSpan.Zero, TimeSpan.FromHours(24))]),
        [], []);

    public bool IsWorkingDay(DateOnly day) => PeriodsOf(day).Length > 0;

    /// <summary>The instant at which <paramref name="duration"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var remaining = duration;
        var current = start.ToUniversalTime();
        var day = LocalDate(current);
        for (var i = 0; i < MaxDaysSearched; i++, day = day.AddDays(1))
        {
            foreach (var (from, to) in Intervals(day))
            {
                if (to <= current)
                {
                    continue;
                }

                var begin = from > current ? from : current;
                var available = to - begin;
                if (available >= remaining)
                {
                    return begin + remaining;
                }

                remaining -= available;
                current = to;
            }
        }

        throw new DomainException("calendar.noWorkingTime", "The calendar has no working time in the years ahead.");
    }

    /// <summary>
    /// The same working clock time <paramref name="days"/> working days later: from the first working instant at or
    /// after <paramref name="start"/>, on the n-th following working day at that local time (or the nearest working
    /// instant that day: the next period's start, or the day's last working moment).
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var from = NextWorkingInstant(start);
        if (days <= 0)
        {
            return from;
        }

        var local = TimeZoneInfo.ConvertTime(from, _zone);
        var clock = local.TimeOfDay;
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }

            if (day.DayNumber - DateOnly.FromDateTime(local.DateTime).DayNumber > MaxDaysSearched)
            {
                throw new DomainException("calendar.noWorkingTime", "The calendar has no working days in the years ahead.");
            }
        }

        var target = ToUtc(day, clock);
        var intervals = Intervals(day);
        foreach (var (begin, end) in intervals)
        {
            if (target < begin)
            {
                return begin;
            }

            if (target < end)
            {
                return target;
            }
        }

        return intervals[^1].End;
    }

    /// <summary>Working time inside [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var a = from.ToUniversalTime();
        var b = to.ToUniversalTime();
        if (b <= a)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        for (var day = LocalDate(a); day <= LocalDate(b); day = day.AddDays(1))
        {
            foreach (var (begin, end) in Intervals(day))
            {
                var s = begin > a ? begin : a;
                var e = end < b ? end : b;
                if (e > s)
                {
                    total += e - s;
                }
            }
        }

        return total;
    }

    /// <summary>The instant itself when it is working time, else the start of the next working period.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => AddWorkingTime(instant, TimeSpan.FromTicks(1)) - TimeSpan.FromTicks(1);

    private WorkingPeriod[] PeriodsOf(DateOnly day) =>
        _holidays.Contains(day) ? [] : _makeUpDays.Contains(day) ? _makeUpHours : _week[day.DayOfWeek];

    /// <summary>
    /// The day's working periods as instants. Remembered per day (up to <see cref="MaxDaysRemembered"/> days): a calendar
    /// is immutable and shared, and each clock a complaint starts walks the same days from its start to its due time,
    /// every walk converting two local times a period to UTC through the time zone's rules (an import of 500 rows spent
    /// a tenth of its CPU there).
    /// </summary>
    private (DateTimeOffset Start, DateTimeOffset End)[] Intervals(DateOnly day)
    {
        if (_intervals.TryGetValue(day, out var known))
        {
            return known;
        }

        var intervals = PeriodsOf(day).Select(p => (ToUtc(day, p.Start), ToUtc(day, p.End))).Where(i => i.Item2 > i.Item1).ToArray();
        if (Volatile.Read(ref _remembered) < MaxDaysRemembered && _intervals.TryAdd(day, intervals))
        {
            Interlocked.Increment(ref _remembered);
        }

        return intervals;
    }

    /// <summary>The calendar day <paramref name="instant"/> falls on in the calendar's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => LocalDate(instant);

    /// <summary>The instant the calendar day <paramref name="day"/> begins in the calendar's time zone.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ToUtc(day, TimeSpan.Zero);

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>A local wall-clock time as an instant. A time skipped by a daylight-saving change counts as the first instant after the gap.</summary>
    private DateTimeOffset ToUtc(DateOnly day, TimeSpan clock)
    {
        var local = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).Add(clock), DateTimeKind.Unspecified);
        for (var guard = 0; _zone.IsInvalidTime(local) && guard < 24 * 60; guard++)
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }

    private static WorkingPeriod[] Normalise(IEnumerable<WorkingPeriod> periods)
    {
        var sorted = periods.OrderBy(p => p.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                throw new DomainException("calendar.overlappingPeriods", "The working periods of a day overlap.");
            }
        }

        return sorted;
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new DomainException("calendar.unknownTimeZone", $"'{id}' is not a known IANA time zone.");
        }
    }
}
