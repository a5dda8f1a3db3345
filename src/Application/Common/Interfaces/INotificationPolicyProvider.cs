using CustomerCare.Application.Notifications;
using CustomerCare.Domain.Notifications;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>The notification switches and templates in force (stored settings over the shipped defaults), kept briefly.</summary>
public interface INotificationPolicyProvider
{
    ValueTask<NotificationPolicy> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>Forget the cached policy (after the settings or a template changed).</summary>
    void Invalidate();
}

/// <summary>The channels this deployment can send on (an SMTP server, an SMS gateway are configured).</summary>
public interface INotificationChannels
{
    bool IsConfigured(NotificationChannel channel);
}
