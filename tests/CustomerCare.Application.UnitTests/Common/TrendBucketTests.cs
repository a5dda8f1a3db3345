using CustomerCare.Application.Reports;
using CustomerCare.Application.Reports.Queries.GetComplaintTrend;

namespace CustomerCare.Application.UnitTests.Common;

public class TrendBucketTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Weeks_StartOnMonday_AndAreClippedToThePeriod()
    {
        var weeks = GetComplaintTrendQueryHandler.Buckets(D("2026-03-01"), D("2026-03-10"), TrendInterval.Week).ToList();
        Assert.That(weeks, Is.EqualTo(new[]
        {
            (D("2026-02-23"), D("2026-03-01"), D("2026-03-01")),
            (D("2026-03-02"), D("2026-03-02"), D("2026-03-08")),
            (D("2026-03-09"), D("2026-03-09"), D("2026-03-10")),
        }));
    }

    [Test]
    public void Months_AndDays_CoverEveryDayOnce()
    {
        var months = GetComplaintTrendQueryHandler.Buckets(D("2026-01-15"), D("2026-03-02"), TrendInterval.Month).ToList();
        var days = GetComplaintTrendQueryHandler.Buckets(D("2026-02-27"), D("2026-03-01"), TrendInterval.Day).Select(b => b.Start).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(months.Select(m => (m.Key, m.Start, m.End)), Is.EqualTo(new[]
            {
                (D("2026-01-01"), D("2026-01-15"), D("2026-01-31")),
                (D("2026-02-01"), D("2026-02-01"), D("2026-02-28")),
                (D("2026-03-01"), D("2026-03-01"), D("2026-03-02")),
            }));
            Assert.That(days, Is.EqualTo(new[] { D("2026-02-27"), D("2026-02-28"), D("2026-03-01") }));
        });
    }
}
