using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Notifications;
using CustomerCare.Domain.Common;
using CustomerCare.Infrastructure.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Notifications;

/// <summary>
/// The notification switches and templates stored by administrators over the shipped defaults, kept for a few seconds:
/// a change made through this replica applies at once, through another within that time.
/// </summary>
internal sealed partial class NotificationPolicyProvider(IServiceScopeFactory scopes, TimeProvider time, ILogger<NotificationPolicyProvider> logger)
    : INotificationPolicyProvider
{
    private readonly StoredSettingsCache<NotificationPolicy> _cache = new(time);

    public ValueTask<NotificationPolicy> GetCurrentAsync(CancellationToken cancellationToken) => _cache.GetAsync(ReadAsync, cancellationToken);

    public void Invalidate() => _cache.Invalidate();

    private async Task<NotificationPolicy> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
        var settings = (await store.GetAsync<NotificationSettings>(NotificationSettings.Key, cancellationToken))?.Value ?? NotificationSettings.Default;
        var templates = (await store.ListAsync<StoredNotificationTemplate>(StoredNotificationTemplate.Prefix, cancellationToken))
            .ToDictionary(t => t.Key, t => t.Value.Value, StringComparer.Ordinal);
        try
        {
            return new NotificationPolicy(settings, templates);
        }
        catch (DomainException ex)
        {
            // Settings edited by hand in the database must not stop complaint handling.
            LogUnusableSettings(logger, ex);
            return new NotificationPolicy(NotificationSettings.Default, templates);
        }
    }

    [LoggerMessage(EventId = 8002, Level = LogLevel.Error, Message = "The stored notification settings cannot be used; the defaults apply until they are fixed")]
    private static partial void LogUnusableSettings(ILogger logger, Exception exception);
}
