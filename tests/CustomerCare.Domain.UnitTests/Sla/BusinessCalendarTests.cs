using CustomerCare.Domain.Common;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.UnitTests.Sla;

/// <summary>
/// Calendar arithmetic on a Shanghai calendar (Mon–Fri 09:00–18:00) with the 2026 National Day holiday week
/// (Oct 1–7) and its make-up working days (Sun Sep 27, Sat Oct 10), and in a daylight-saving zone.
/// </summary>
public class BusinessCalendarTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static readonly BusinessCalendar China = new("Asia/Shanghai",
        new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>
        {
            [DayOfWeek.Monday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Tuesday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Wednesday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Thursday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
            [DayOfWeek.Friday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
        },
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
        [new DateOnly(2026, 9, 27), new DateOnly(2026, 10, 10)]);

    private static DateTimeOffset Cn(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Shanghai);

    private static IEnumerable<TestCaseData> WorkingHourCases()
    {
        // 2026-11-20 is a Friday.
        yield return new TestCaseData(Cn(11, 20, 17, 55), TimeSpan.FromMinutes(5), Cn(11, 20, 18, 0)).SetName("Friday 17:55 + 5 min ends at closing");
        yield return new TestCaseData(Cn(11, 20, 17, 55), TimeSpan.FromHours(1), Cn(11, 23, 9, 55)).SetName("Friday 17:55 + 1 h continues on Monday");
        yield return new TestCaseData(Cn(11, 21, 10, 0), TimeSpan.FromHours(1), Cn(11, 23, 10, 0)).SetName("Saturday + 1 h counts from Monday 09:00");
        yield return new TestCaseData(Cn(11, 23, 0, 0), TimeSpan.FromHours(1), Cn(11, 23, 10, 0)).SetName("Midnight + 1 h counts from 09:00");
        yield return new TestCaseData(Cn(11, 23, 18, 0), TimeSpan.FromHours(2), Cn(11, 24, 11, 0)).SetName("At closing + 2 h is next morning");
        yield return new TestCaseData(Cn(11, 23, 9, 0), TimeSpan.FromHours(24), Cn(11, 25, 15, 0)).SetName("24 working hours span three days");
        yield return new TestCaseData(Cn(9, 30, 17, 0), TimeSpan.FromHours(2), Cn(10, 8, 10, 0)).SetName("Holiday eve + 2 h skips the holiday week");
        yield return new TestCaseData(Cn(9, 26, 17, 0), TimeSpan.FromHours(2), Cn(9, 27, 11, 0)).SetName("Saturday before a make-up Sunday counts that Sunday");
        yield return new TestCaseData(Cn(10, 9, 17, 0), TimeSpan.FromHours(2), Cn(10, 10, 10, 0)).SetName("Friday + 2 h continues on the make-up Saturday");
        yield return new TestCaseData(Cn(11, 23, 10, 0), TimeSpan.Zero, Cn(11, 23, 10, 0)).SetName("Zero duration is the start");
    }

    [TestCaseSource(nameof(WorkingHourCases))]
    public void AddWorkingTime(DateTimeOffset start, TimeSpan duration, DateTimeOffset expected)
    {
        Assert.That(China.AddWorkingTime(start, duration), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> WorkingDayCases()
    {
        yield return new TestCaseData(Cn(11, 23, 10, 0), 3, Cn(11, 26, 10, 0)).SetName("Monday 10:00 + 3 days is Thursday 10:00");
        yield return new TestCaseData(Cn(11, 20, 17, 55), 3, Cn(11, 25, 17, 55)).SetName("Friday 17:55 + 3 days is Wednesday 17:55");
        yield return new TestCaseData(Cn(11, 21, 10, 0), 1, Cn(11, 24, 9, 0)).SetName("Saturday + 1 day: from Monday 09:00 to Tuesday 09:00");
        yield return new TestCaseData(Cn(9, 30, 10, 0), 3, Cn(10, 10, 10, 0)).SetName("Across the holiday week the make-up Saturday counts");
        yield return new TestCaseData(Cn(9, 25, 10, 0), 1, Cn(9, 27, 10, 0)).SetName("Friday + 1 day is the make-up Sunday");
        yield return new TestCaseData(Cn(11, 23, 20, 0), 1, Cn(11, 25, 9, 0)).SetName("After hours + 1 day counts from the next morning");
    }

    [TestCaseSource(nameof(WorkingDayCases))]
    public void AddWorkingDays(DateTimeOffset start, int days, DateTimeOffset expected)
    {
        Assert.That(China.AddWorkingDays(start, days), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> BetweenCases()
    {
        yield return new TestCaseData(Cn(11, 20, 17, 0), Cn(11, 23, 10, 0), TimeSpan.FromHours(2)).SetName("Friday 17:00 to Monday 10:00 is 2 h");
        yield return new TestCaseData(Cn(9, 30, 9, 0), Cn(10, 8, 18, 0), TimeSpan.FromHours(18)).SetName("Across the holiday week only two days count");
        yield return new TestCaseData(Cn(11, 23, 12, 0), Cn(11, 23, 11, 0), TimeSpan.Zero).SetName("Backwards is zero");
        yield return new TestCaseData(Cn(11, 21, 0, 0), Cn(11, 22, 23, 59), TimeSpan.Zero).SetName("A weekend is zero");
    }

    [TestCaseSource(nameof(BetweenCases))]
    public void WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to, TimeSpan expected)
    {
        Assert.That(China.WorkingTimeBetween(from, to), Is.EqualTo(expected));
    }

    [Test]
    public void AddWorkingTime_AndWorkingTimeBetween_AgreeWithEachOther()
    {
        var start = Cn(9, 29, 16, 30);
        foreach (var minutes in new[] { 1, 59, 90, 600, 3000 })
        {
            var end = China.AddWorkingTime(start, TimeSpan.FromMinutes(minutes));
            Assert.That(China.WorkingTimeBetween(start, end), Is.EqualTo(TimeSpan.FromMinutes(minutes)), $"{minutes} min");
        }
    }

    [Test]
    public void DaylightSaving_DaysLastAsLongAsTheClockSays()
    {
        var berlin = BusinessCalendar.AroundTheClock("Europe/Berlin");
        var springDay = (new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2)));
        var autumnDay = (new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.FromHours(1)));

        Assert.Multiple(() =>
        {
            Assert.That(berlin.WorkingTimeBetween(springDay.Item1, springDay.Item2), Is.EqualTo(TimeSpan.FromHours(23)));
            Assert.That(berlin.WorkingTimeBetween(autumnDay.Item1, autumnDay.Item2), Is.EqualTo(TimeSpan.FromHours(25)));
            // Saturday 23:00 CET + 3 h of an around-the-clock calendar is 03:00 CEST: three real hours.
            Assert.That(berlin.AddWorkingTime(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromHours(3)),
                Is.EqualTo(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2))));
        });
    }

    [Test]
    public void DaylightSaving_AWorkingDayStartingInTheSkippedHourStartsAfterIt()
    {
        var berlin = new BusinessCalendar("Europe/Berlin",
            new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>> { [DayOfWeek.Sunday] = [WorkingPeriod.Create(TimeSpan.FromHours(2.5), TimeSpan.FromHours(4))] },
            [], []);

        // 02:30 does not exist on 2026-03-29 in Berlin: the period runs from 03:00 CEST to 04:00 CEST.
        Assert.That(berlin.WorkingTimeBetween(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2))),
            Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void OneCalendarSharedByThreads_AnswersAsAFreshCalendarDoes_AcrossAYearWithItsDaylightSavingChanges()
    {
        // A calendar remembers each day's working periods as instants; one instance serves every request at once.
        static BusinessCalendar Berlin() => new("Europe/Berlin",
            new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>
            {
                [DayOfWeek.Monday] = [WorkingPeriod.Create(TimeSpan.FromHours(2.5), TimeSpan.FromHours(12)), WorkingPeriod.Create(TimeSpan.FromHours(13), TimeSpan.FromHours(18))],
                [DayOfWeek.Wednesday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))],
                [DayOfWeek.Sunday] = [WorkingPeriod.Create(TimeSpan.FromHours(2.5), TimeSpan.FromHours(4))],
            },
            [new DateOnly(2026, 12, 23)], [new DateOnly(2026, 12, 26)]);
        var shared = Berlin();
        var starts = Enumerable.Range(0, 2 * 400).Select(i => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 11 + 0.25)).ToList();

        var answers = starts.AsParallel().WithDegreeOfParallelism(4).Select(start => (
            start,
            Hours: shared.AddWorkingTime(start, TimeSpan.FromHours(30)),
            Days: shared.AddWorkingDays(start, 4),
            Between: shared.WorkingTimeBetween(start, start.AddDays(17)))).ToList();

        Assert.Multiple(() =>
        {
            foreach (var (start, hours, days, between) in answers)
            {
                Assert.That(hours, Is.EqualTo(Berlin().AddWorkingTime(start, TimeSpan.FromHours(30))), $"{start:O} + 30 working hours");
                Assert.That(days, Is.EqualTo(Berlin().AddWorkingDays(start, 4)), $"{start:O} + 4 working days");
                Assert.That(between, Is.EqualTo(Berlin().WorkingTimeBetween(start, start.AddDays(17))), $"{start:O} + 17 days");
            }
        });
    }

    [Test]
    public void AroundTheClock_WorkingTimeIsElapsedTime()
    {
        var start = new DateTimeOffset(2026, 11, 21, 23, 59, 50, TimeSpan.Zero);

        Assert.That(BusinessCalendar.AroundTheClock().AddWorkingTime(start, TimeSpan.FromSeconds(30)), Is.EqualTo(start.AddSeconds(30)));
    }

    [Test]
    public void Construction_RefusesNonsense()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new BusinessCalendar("Mars/Olympus_Mons", new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>(), [], []),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("calendar.unknownTimeZone"));
            Assert.That(() => new BusinessCalendar("UTC", new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>(), [], []),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("calendar.noWorkingTime"));
            Assert.That(() => WorkingPeriod.Create(TimeSpan.FromHours(18), TimeSpan.FromHours(9)), Throws.TypeOf<DomainException>());
            Assert.That(() => new BusinessCalendar("UTC",
                    new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>
                    {
                        [DayOfWeek.Monday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(13)), WorkingPeriod.Create(TimeSpan.FromHours(12), TimeSpan.FromHours(18))],
                    }, [], []),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("calendar.overlappingPeriods"));
            Assert.That(() => new BusinessCalendar("UTC",
                    new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>> { [DayOfWeek.Monday] = [WorkingPeriod.Create(TimeSpan.FromHours(9), TimeSpan.FromHours(18))] },
                    [new DateOnly(2026, 10, 1)], [new DateOnly(2026, 10, 1)]),
                Throws.TypeOf<DomainException>().With.Property("Code").EqualTo("calendar.holidayIsMakeUpDay"));
        });
    }
}

public class WorkingDurationTests
{
    [TestCase("PT1H", 0, 3600)]
    [TestCase("P3D", 3, 0)]
    [TestCase("P1DT4H30M", 1, 16200)]
    [TestCase("PT30S", 0, 30)]
    public void Parse_ReadsDaysAndTime(string iso, int days, int seconds)
    {
        var duration = WorkingDuration.Parse(iso);

        Assert.Multiple(() =>
        {
            Assert.That(duration.Days, Is.EqualTo(days));
            Assert.That(duration.Time, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
            Assert.That(WorkingDuration.Parse(duration.ToString()), Is.EqualTo(duration), "round trip");
        });
    }

    [TestCase("")]
    [TestCase("P")]
    [TestCase("PT")]
    [TestCase("1H")]
    [TestCase("P1W")]
    [TestCase("PT-1H")]
    [TestCase("P9999D")]
    public void Parse_RefusesWhatIsNotADurationOfDaysAndTime(string iso)
    {
        Assert.That(WorkingDuration.TryParse(iso, out _), Is.False);
    }
}
