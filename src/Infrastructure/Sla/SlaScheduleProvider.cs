using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>
/// The schedule from the settings stored in the database (the configuration's defaults until an operator stores
/// any), kept for a few seconds: a change made through this replica applies at once, through another within that time.
/// </summary>
internal sealed class SlaScheduleProvider(IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider time) : ISlaScheduleProvider
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (SlaSchedule Schedule, long LoadedAt)? _cached;

    public CalendarSettings DefaultCalendar => options.Value.ToCalendarSettings();

    public SlaPolicySettings DefaultPolicy => options.Value.ToPolicySettings();

    public async ValueTask<SlaSchedule> GetCurrentAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && time.GetElapsedTime(hit.LoadedAt) < CacheFor)
        {
            return hit.Schedule;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetElapsedTime(again.LoadedAt) < CacheFor)
            {
                return again.Schedule;
            }

            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
            var calendar = (await store.GetAsync<CalendarSettings>(CalendarSettings.Key, cancellationToken))?.Value ?? DefaultCalendar;
            var policy = (await store.GetAsync<SlaPolicySettings>(SlaPolicySettings.Key, cancellationToken))?.Value ?? DefaultPolicy;
            var schedule = new SlaSchedule(calendar.ToCalendar(), policy.ToPolicy());
            _cached = (schedule, time.GetTimestamp());
            return schedule;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;
}
