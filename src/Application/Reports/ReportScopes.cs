using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Reports;

/// <summary>
/// Turns a report's period (calendar days, both included, in the business calendar's time zone; by default this quarter
/// up to today) into the instants the statistics query, restricted to the complaints the caller may see.
/// </summary>
public sealed class ReportScopes(
    IApplicationDbContext db, ICurrentUser user, ISlaScheduleProvider schedules, TimeProvider time, IComplaintStatistics statistics,
    IOptions<ReportOptions> options)
{
    public async Task<ResolvedPeriod> ResolveAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var calendar = (await schedules.GetCurrentAsync(cancellationToken)).Calendar;
        var now = time.GetUtcNow();
        var last = to ?? calendar.DateOf(now);
        var first = from ?? QuarterStart(last);
        if (last < first)
        {
            throw new ValidationException(from is null ? "to" : "from", "The period ends before it starts: 'from' must not lie after 'to'.");
        }

        if (last.DayNumber - first.DayNumber + 1 > options.Value.MaxPeriodDays)
        {
            throw new ValidationException("to", $"A report covers at most {options.Value.MaxPeriodDays} days.");
        }

        var visibility = await db.VisibilityAsync(user, cancellationToken);
        var scope = new ReportScope(calendar.StartOfDay(first), calendar.StartOfDay(last.AddDays(1)), calendar.TimeZoneId, now, visibility);
        return new ResolvedPeriod(first, last, scope);
    }

    /// <summary>The complaint rate's basis: the configured volume, else the active customers.</summary>
    public async Task<RateBasisDto> RateBasisAsync(CancellationToken cancellationToken) => options.Value.ComplaintRateBase is { } configured
        ? new RateBasisDto("configured", configured)
        : new RateBasisDto("activeCustomers", await statistics.ActiveCustomersAsync(cancellationToken));

    public static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
}

public sealed record ResolvedPeriod(DateOnly From, DateOnly To, ReportScope Scope)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}
