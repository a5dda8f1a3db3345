using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>
/// The schedule from the settings stored in the database (the configuration's defaults until an operator stores
/// any), kept for a few seconds: a change made through this replica applies at once, through another within that time.
/// </summary>
internal sealed partial class SlaScheduleProvider(
    IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaScheduleProvider> logger) : ISlaScheduleProvider
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
            SlaSchedule schedule;
            try
            {
                schedule = new SlaSchedule(calendar.ToCalendar(), policy.ToPolicy());
            }
            catch (Exception ex) when (ex is DomainException or NullReferenceException or ArgumentException)
            {
                // Stored settings that no longer make sense (edited by hand in the database) must not stop complaint handling.
                LogUnusableSettings(logger, ex);
                schedule = new SlaSchedule(DefaultCalendar.ToCalendar(), DefaultPolicy.ToPolicy());
            }

            _cached = (schedule, time.GetTimestamp());
            return schedule;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "The stored SLA settings cannot be used; the configured defaults apply until they are fixed")]
    private static partial void LogUnusableSettings(ILogger logger, Exception exception);
}
