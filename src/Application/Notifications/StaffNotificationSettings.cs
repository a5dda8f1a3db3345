using CustomerCare.Domain.Notifications;

namespace CustomerCare.Application.Notifications;

/// <summary>
/// What a staff member chose to be told (by e-mail): the staff events they receive. Until they choose, every one; what
/// administrators switched off is off for everyone whatever is chosen here.
/// </summary>
public sealed record StaffNotificationSettings(IReadOnlyList<NotificationEvent> Receive)
{
    public static IReadOnlyList<NotificationEvent> StaffEvents { get; } =
        Enum.GetValues<NotificationEvent>().Where(e => !NotificationPlaceholders.IsForCustomers(e)).ToList();

    public static StaffNotificationSettings Default { get; } = new(StaffEvents);

    public static string KeyOf(Guid staffId) => $"staff-notifications/{staffId}";
}
