using CustomerCare.Application.Calendars;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>
/// The public holidays and make-up working days of mainland China that ship with CustomerCare, stored as years of the
/// default calendar on a database that has none for that year. They carry their source and no reviewer: an
/// administrator reads them (<c>GET /calendars/default/years/{year}</c>) and stores them as reviewed, or corrects them.
/// </summary>
public static class MainlandChinaHolidays
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public static IReadOnlyDictionary<int, CalendarYear> Years { get; } = new Dictionary<int, CalendarYear>
    {
        // 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025).
        [2026] = new(
            [
                .. Days(D(2026, 1, 1), D(2026, 1, 3)),     // 元旦
                .. Days(D(2026, 2, 15), D(2026, 2, 23)),   // 春节
                .. Days(D(2026, 4, 4), D(2026, 4, 6)),     // 清明节
                .. Days(D(2026, 5, 1), D(2026, 5, 5)),     // 劳动节
                .. Days(D(2026, 6, 19), D(2026, 6, 21)),   // 端午节
                .. Days(D(2026, 9, 25), D(2026, 9, 27)),   // 中秋节
                .. Days(D(2026, 10, 1), D(2026, 10, 7)),   // 国庆节
            ],
            [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)],
            "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
            null,
            null),

        // The statutory days of 全国年节及纪念日放假办法 (as revised in 2024) on 2027's dates. The State Council's notice
        // for 2027 sets the bridging days and the make-up working days; enter them from it.
        [2027] = new(
            [
                D(2027, 1, 1),                             // 元旦
                .. Days(D(2027, 2, 5), D(2027, 2, 8)),     // 春节: 除夕 to 初三
                D(2027, 4, 5),                             // 清明节
                D(2027, 5, 1), D(2027, 5, 2),              // 劳动节
                D(2027, 6, 9),                             // 端午节
                D(2027, 9, 15),                            // 中秋节
                .. Days(D(2027, 10, 1), D(2027, 10, 3)),   // 国庆节
            ],
            [],
            "全国年节及纪念日放假办法的法定节假日（未含国务院2027年调休安排，请按通知补录调休与上班日）",
            null,
            null),
    };
}
