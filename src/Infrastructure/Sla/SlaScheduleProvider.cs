using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerCare.Application.Calendars;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Sla;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Sla;

/// <summary>
/// The schedules from the settings stored in the database (the configuration's defaults until an operator stores
/// any): one per named calendar, and which department works by which. Kept for a few seconds: a change made through
/// this replica applies at once, through another within that time.
/// </summary>
internal sealed partial class SlaScheduleProvider(
    IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaScheduleProvider> logger) : ISlaScheduleProvider
{
    private readonly StoredSettingsCache<Schedules> _cache = new(time);

    private sealed record Schedules(IReadOnlyDictionary<string, SlaSchedule> ByCalendar, IReadOnlyDictionary<Guid, string> DepartmentCalendars, string Stamp)
    {
        public SlaSchedule Default => ByCalendar[CalendarNames.Default];
    }

    public CalendarSettings DefaultCalendar => options.Value.ToCalendarSettings();

    public SlaPolicySettings DefaultPolicy => options.Value.ToPolicySettings();

    public async ValueTask<SlaSchedule> GetCurrentAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Default;

    public async ValueTask<SlaSchedule> GetForDepartmentAsync(Guid? departmentId, CancellationToken cancellationToken)
    {
        var schedules = await LoadAsync(cancellationToken);
        return departmentId is { } id && schedules.DepartmentCalendars.TryGetValue(id, out var name) && schedules.ByCalendar.TryGetValue(name, out var schedule)
            ? schedule
            : schedules.Default;
    }

    public async ValueTask<string> GetStampAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Stamp;

    public void Invalidate() => _cache.Invalidate();

    private ValueTask<Schedules> LoadAsync(CancellationToken cancellationToken) => _cache.GetAsync(ReadAsync, cancellationToken);

    private async Task<Schedules> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var calendars = await CalendarCatalog.LoadAsync(store, DefaultCalendar, cancellationToken);
        var policySettings = (await store.GetAsync<SlaPolicySettings>(SlaPolicySettings.Key, cancellationToken))?.Value ?? DefaultPolicy;
        var departments = await db.Departments.AsNoTracking().Where(d => d.Calendar != null)
            .Select(d => new { d.Id, d.Calendar }).ToDictionaryAsync(d => d.Id, d => d.Calendar!, cancellationToken);

        var policy = Usable(() => policySettings.ToPolicy(), "policy") ?? DefaultPolicy.ToPolicy();
        var fallback = Usable(() => calendars[CalendarNames.Default].ToCalendar(), CalendarNames.Default) ?? DefaultCalendar.ToCalendar();
        var byCalendar = calendars.Values.ToDictionary(
            c => c.Name,
            c => new SlaSchedule(c.Name == CalendarNames.Default ? fallback : Usable(c.ToCalendar, c.Name) ?? fallback, policy, c.Name),
            StringComparer.Ordinal);

        var stamp = Stamp(calendars.Values.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new { c.Name, c.Settings, Years = c.Years.OrderBy(y => y.Key).Select(y => new { y.Key, y.Value.Value.Holidays, y.Value.Value.MakeUpWorkingDays }) }),
            policySettings, departments.OrderBy(d => d.Key).Select(d => $"{d.Key}={d.Value}"));
        return new Schedules(byCalendar, departments, stamp);
    }

    /// <summary>Stored settings that no longer make sense (edited by hand in the database) must not stop complaint handling.</summary>
    private T? Usable<T>(Func<T> build, string what)
        where T : class
    {
        try
        {
            return build();
        }
        catch (Exception ex) when (ex is DomainException or NullReferenceException or ArgumentException)
        {
            LogUnusableSettings(logger, what, ex);
            return null;
        }
    }

    private static string Stamp(params object[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(parts, SettingsStore.Json))));

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "The stored SLA settings ({What}) cannot be used; the defaults apply until they are fixed")]
    private static partial void LogUnusableSettings(ILogger logger, string what, Exception exception);
}
