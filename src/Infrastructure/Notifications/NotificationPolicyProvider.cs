using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Notifications;
using CustomerCare.Domain.Common;
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
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (NotificationPolicy Policy, long LoadedAt)? _cached;

    public async ValueTask<NotificationPolicy> GetCurrentAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && time.GetElapsedTime(hit.LoadedAt) < CacheFor)
        {
            return hit.Policy;
        }

        // While one caller reloads, the others take the value of a few seconds ago rather than wait: a caller is often
        // inside its request's transaction, holding a pooled connection, and the reload needs another. Callers waiting
        // here with theirs could hold the whole pool while the reload waits for a connection (requests stalled for the
        // pool's timeout, then failed). Only with nothing to serve (the first load, or just after Invalidate) do they wait.
        if (_cached is { } stale)
        {
            if (!_gate.Wait(0))
            {
                return stale.Policy;
            }
        }
        else
        {
            await _gate.WaitAsync(cancellationToken);
        }

        try
        {
            if (_cached is { } again && time.GetElapsedTime(again.LoadedAt) < CacheFor)
            {
                return again.Policy;
            }

            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
            var settings = (await store.GetAsync<NotificationSettings>(NotificationSettings.Key, cancellationToken))?.Value ?? NotificationSettings.Default;
            var templates = (await store.ListAsync<StoredNotificationTemplate>(StoredNotificationTemplate.Prefix, cancellationToken))
                .ToDictionary(t => t.Key, t => t.Value.Value, StringComparer.Ordinal);
            NotificationPolicy policy;
            try
            {
                policy = new NotificationPolicy(settings, templates);
            }
            catch (DomainException ex)
            {
                // Settings edited by hand in the database must not stop complaint handling.
                LogUnusableSettings(logger, ex);
                policy = new NotificationPolicy(NotificationSettings.Default, templates);
            }

            _cached = (policy, time.GetTimestamp());
            return policy;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    [LoggerMessage(EventId = 8002, Level = LogLevel.Error, Message = "The stored notification settings cannot be used; the defaults apply until they are fixed")]
    private static partial void LogUnusableSettings(ILogger logger, Exception exception);
}
