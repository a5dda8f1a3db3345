using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Notifications.EventHandlers;

/// <summary>
/// A greeting care task (a holiday or birthday greeting) sends the customer its subject as a greeting on its day, at
/// <see cref="NotificationOptions.GreetingTime"/> on the business calendar's clock, when administrators switched the
/// <c>careTaskGreeting</c> event on (it is off as shipped). Moving the task moves the greeting; cancelling it withdraws
/// the greeting — as long as it was not sent. The customer's channel, consent and language rules apply as to any
/// customer notification.
/// </summary>
public sealed class PlanCareTaskGreetings(
    IApplicationDbContext db, INotificationPolicyProvider policies, ISlaScheduleProvider schedules, CustomerNotifier customers,
    IOptions<NotificationOptions> options) : INotificationHandler<CareTaskGreetingChanged>
{
    public async ValueTask Handle(CareTaskGreetingChanged notification, CancellationToken cancellationToken)
    {
        var source = $"care-task:{notification.CareTaskId}";
        var planned = await db.Notifications.Where(n => n.Source == source).ToListAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await schedules.GetCurrentAsync(cancellationToken)).Calendar.TimeZoneId);
        var due = DueAt(notification.DueOn, options.Value.GreetingTime, zone);
        if (notification.Status == CareTaskStatus.Cancelled)
        {
            planned.ForEach(n => n.Withdraw());
            return;
        }

        var policy = await policies.GetCurrentAsync(cancellationToken);
        if (planned.Count > 0)
        {
            planned.ForEach(n => n.Defer(n.Channel == NotificationChannel.Sms ? policy.QuietHours.NextAllowed(due, zone) : due));
            return;
        }

        var task = db.FindTracked<CareTask>(notification.CareTaskId) ?? throw new InvalidOperationException("The greeting's care task is not in this unit of work.");
        await customers.PlanAsync(
            new CustomerNotification(source, task.ComplaintId, NotificationEvent.CareTaskGreeting, notification.CustomerId),
            policy, zone, notification.OccurredAt,
            (customerName, _, _) => new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["customerName"] = customerName,
                ["greeting"] = task.Subject,
            },
            cancellationToken, due);
    }

    /// <summary>The greeting time on the day, on the calendar's wall clock, as an instant.</summary>
    private static DateTimeOffset DueAt(DateOnly day, TimeOnly at, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
