using System.Globalization;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Infrastructure.Reports;

/// <summary>
/// The report aggregations through <see cref="ReportCache"/> (ADR 0018): the period's aggregations are kept per period,
/// grouping and visibility (whether the caller sees everything, their departments, their own id), so that nobody is
/// answered from a result computed for a wider view. Each computation runs in a scope of its own, apart from the
/// request that started it. Open breaches are counted "now" and always computed afresh.
/// </summary>
internal sealed class CachedComplaintStatistics(ComplaintStatistics direct, ReportCache cache, IServiceScopeFactory scopes) : IComplaintStatistics
{
    public Task<IReadOnlyList<IndicatorRow>> IndicatorsAsync(ReportScope scope, ReportDimension? groupBy, TrendInterval? interval, CancellationToken cancellationToken) =>
        Cached($"indicators|{Key(scope)}|{groupBy}|{interval}",
            (statistics, token) => statistics.IndicatorsAsync(scope, groupBy, interval, token), cancellationToken);

    public Task<IReadOnlyList<CompensationRow>> CompensationAsync(ReportScope scope, ReportDimension? groupBy, TrendInterval? interval, CancellationToken cancellationToken) =>
        Cached($"compensation|{Key(scope)}|{groupBy}|{interval}",
            (statistics, token) => statistics.CompensationAsync(scope, groupBy, interval, token), cancellationToken);

    public Task<int> CountAsync(ReportScope scope, CancellationToken cancellationToken) =>
        Cached($"count|{Key(scope)}", (statistics, token) => statistics.CountAsync(scope, token), cancellationToken);

    public Task<IReadOnlyList<HotspotRow>> HotspotsAsync(ReportScope scope, HotspotDimension dimension, DateTimeOffset previousFrom, CancellationToken cancellationToken) =>
        Cached($"hotspots|{Key(scope)}|{dimension}|{previousFrom.UtcTicks}",
            (statistics, token) => statistics.HotspotsAsync(scope, dimension, previousFrom, token), cancellationToken);

    public Task<IReadOnlyList<OpenBreachRow>> OpenBreachesAsync(ComplaintVisibility visibility, DateTimeOffset now, CancellationToken cancellationToken) =>
        direct.OpenBreachesAsync(visibility, now, cancellationToken);

    public Task<int> ActiveCustomersAsync(CancellationToken cancellationToken) =>
        Cached("active-customers", (statistics, token) => statistics.ActiveCustomersAsync(token), cancellationToken);

    private async Task<T> Cached<T>(string key, Func<ComplaintStatistics, CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
        {
            return await compute(direct, cancellationToken);
        }

        return await cache.GetAsync(key, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await compute(scope.ServiceProvider.GetRequiredService<ComplaintStatistics>(), CancellationToken.None);
        }, cancellationToken);
    }

    /// <summary>The period, its time zone and what the caller may see; not <see cref="ReportScope.Now"/>, which these queries do not read.</summary>
    private static string Key(ReportScope scope) => string.Join('|',
        scope.From.UtcTicks.ToString(CultureInfo.InvariantCulture), scope.To.UtcTicks.ToString(CultureInfo.InvariantCulture), scope.TimeZoneId,
        scope.Visibility.Everything ? "all" : "some", scope.Visibility.StaffId?.ToString("N") ?? "-",
        string.Join(',', scope.Visibility.Departments.Order().Select(d => d.ToString("N"))));
}
