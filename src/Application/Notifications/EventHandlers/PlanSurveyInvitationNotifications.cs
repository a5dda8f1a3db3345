using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Notifications;
using CustomerCare.Domain.Surveys;
using Mediator;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Notifications.EventHandlers;

/// <summary>
/// Every survey invitation is sent to its customer with its real link, in the transaction that makes it (after a
/// complaint closes, or in a campaign's wave): the channel, consent and language rules of every customer notification.
/// </summary>
public sealed class PlanSurveyInvitationNotifications(
    IApplicationDbContext db, INotificationPolicyProvider policies, ISlaScheduleProvider schedules, CustomerNotifier customers,
    IOptions<SurveyOptions> surveys) : INotificationHandler<SurveyInvitationIssued>
{
    public async ValueTask Handle(SurveyInvitationIssued notification, CancellationToken cancellationToken)
    {
        var invitation = db.FindTracked<SurveyInvitation>(notification.InvitationId) ?? throw new InvalidOperationException("The invitation is not in this unit of work.");
        var policy = await policies.GetCurrentAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await schedules.GetCurrentAsync(cancellationToken)).Calendar.TimeZoneId);
        var number = notification.ComplaintId is { } complaintId ? db.FindTracked<Domain.Complaints.Complaint>(complaintId)?.Number : null;
        await customers.PlanAsync(
            new CustomerNotification($"invitation:{invitation.Id}", notification.ComplaintId, NotificationEvent.SurveyInvitation, invitation.CustomerId),
            policy, zone, notification.OccurredAt,
            (customerName, _, clock) => new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["customerName"] = customerName,
                ["surveyLink"] = surveys.Value.LinkFor(invitation.Token),
                ["expiresAt"] = NotificationValues.Local(invitation.ExpiresAt, clock),
                ["number"] = number,
            },
            cancellationToken);
    }
}
