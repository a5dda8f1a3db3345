using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Departments;
using CustomerCare.Application.Surveys;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Complaints.Events;
using Mediator;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.EventHandlers;

/// <summary>
/// What follows the closing of a complaint, written in the same unit of work as the closing itself (so it happens
/// exactly when the complaint closes, never without it): a follow-up call due N days later (owned by the first
/// responder, who stays accountable), a service-recovery call for the department's supervisor when the customer closed
/// dissatisfied, and the invitations of the post-closure surveys.
/// </summary>
public sealed class ScheduleAftercare(IApplicationDbContext db, SurveyInviter inviter, ISlaScheduleProvider schedules, IOptions<CareOptions> options)
    : INotificationHandler<ComplaintClosed>
{
    public async ValueTask Handle(ComplaintClosed notification, CancellationToken cancellationToken)
    {
        if (notification.Reason == ClosingReason.Duplicate)
        {
            return; // the original is followed up, not its duplicate
        }

        var complaint = await db.TrackedComplaintAsync(notification, cancellationToken);
        var now = notification.OccurredAt;
        if (options.Value.FollowUpAfterDays > 0)
        {
            var calendar = (await schedules.GetCurrentAsync(cancellationToken)).Calendar;
            db.CareTasks.Add(CareTask.FollowUp(complaint.CustomerId, complaint.Id, complaint.Number, complaint.FirstResponderId ?? complaint.AssigneeId,
                calendar.DateOf(now), options.Value.FollowUpAfterDays, now));
        }

        if (complaint.Closing?.Satisfaction is { } satisfaction && satisfaction <= options.Value.DissatisfiedAtOrBelow)
        {
            var schedule = await schedules.GetForDepartmentAsync(complaint.ResponsibleDepartmentId, cancellationToken);
            var nextWorkingDay = schedule.Calendar.DateOf(schedule.Calendar.AddWorkingDays(now, 1));
            db.CareTasks.Add(CareTask.ServiceRecovery(complaint.CustomerId, complaint.Id, complaint.Number,
                await DepartmentRules.SupervisorOfAsync(db, complaint.ResponsibleDepartmentId, cancellationToken), nextWorkingDay, satisfaction, now));
        }

        await inviter.InviteAfterClosureAsync(complaint, now, cancellationToken);
    }
}
