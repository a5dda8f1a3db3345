using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Surveys;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Complaints;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// What follows the closing of a complaint, written in the same unit of work as the closing itself (so it happens
/// exactly when the complaint closes, never without it): a follow-up call due N days later (owned by the first
/// responder, who stays accountable) and the invitations of the post-closure surveys.
/// </summary>
public sealed class ComplaintAftercare(IApplicationDbContext db, SurveyInviter inviter, ISlaScheduleProvider schedules, IOptions<CareOptions> options)
{
    public async Task ScheduleAsync(Complaint complaint, DateTimeOffset now, CancellationToken ct)
    {
        if (complaint.Status != ComplaintStatus.Closed || complaint.Closing?.Reason == ClosingReason.Duplicate)
        {
            return; // the original is followed up, not its duplicate
        }

        if (options.Value.FollowUpAfterDays > 0)
        {
            var calendar = (await schedules.GetCurrentAsync(ct)).Calendar;
            db.CareTasks.Add(CareTask.FollowUp(complaint.CustomerId, complaint.Id, complaint.Number, complaint.FirstResponderId ?? complaint.AssigneeId,
                calendar.DateOf(now), options.Value.FollowUpAfterDays, now));
        }

        await inviter.InviteAfterClosureAsync(complaint, now, ct);
    }
}
