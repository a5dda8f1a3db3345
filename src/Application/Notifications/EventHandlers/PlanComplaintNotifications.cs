using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints.EventHandlers;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Complaints.Events;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Notifications;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Notifications.EventHandlers;

/// <summary>
/// Every complaint event becomes the notifications it calls for, in the same save (so the same transaction) as the change:
/// the customer on receipt, solution, resolution, closing, reopening and public replies, by one channel chosen from
/// their preference and consent, in their language; the assignee on assignment, the first responder on what others do
/// with the complaint they took, the department's supervisor on SLA risk and breach (and the managers on a major one).
/// Sent after commit by the notification dispatcher; one that cannot be sent is recorded with the reason.
/// </summary>
public sealed class PlanComplaintNotifications(
    IApplicationDbContext db, INotificationPolicyProvider policies, INotificationChannels channels, ISlaScheduleProvider schedules,
    CustomerNotifier customers, ISettingsStore settings, IOptions<NotificationOptions> options, TimeProvider time) : INotificationHandler<ComplaintEvent>
{
    public async ValueTask Handle(ComplaintEvent notification, CancellationToken cancellationToken)
    {
        var complaint = await db.TrackedComplaintAsync(notification, cancellationToken);
        var entry = complaint.Timeline.Single(e => e.Sequence == notification.Sequence);
        var policy = await policies.GetCurrentAsync(cancellationToken);
        var schedule = await schedules.GetCurrentAsync(cancellationToken);
        var previousDepartmentId = notification is ComplaintAssigned { IsTransfer: true } moved ? moved.PreviousDepartmentId : null;
        var becameMajor = complaint.Severity == Severity.Major
            && (entry.Kind == TimelineEntryKind.Registered || notification is ComplaintReclassified { PreviousSeverity: not Severity.Major });
        var context = new Context(complaint, entry, policy, TimeZoneInfo.FindSystemTimeZoneById(schedule.Calendar.TimeZoneId),
            $"timeline:{complaint.Id}:{entry.Sequence}", time.GetUtcNow(), previousDepartmentId, becameMajor);

        if (CustomerEvent(entry.Kind) is { } customerEvent && DefaultNotificationTemplates.ChannelsOf(customerEvent).Any(c => policy.IsOn(customerEvent, c)))
        {
            await PlanForCustomerAsync(context, customerEvent, schedule, cancellationToken);
        }

        var staff = (await StaffRecipientsAsync(complaint, entry, becameMajor, cancellationToken))
            .Where(r => DefaultNotificationTemplates.ChannelsOf(r.Event).Any(c => policy.IsOn(r.Event, c))).ToList();
        if (staff.Count > 0)
        {
            await PlanForStaffAsync(context, staff, cancellationToken);
        }

        if (GroupEvent(context) is { } groupEvent && Robots.Any(c => policy.IsOn(groupEvent, c)))
        {
            await PlanForGroupAsync(context, groupEvent, cancellationToken);
        }
    }

    private static readonly NotificationChannel[] Robots = [NotificationChannel.WeComRobot, NotificationChannel.DingTalkRobot];

    /// <summary>What the department's group chat hears of the entry: a complaint moved in from another department, a re-complaint, SLA risk and breach, a major complaint.</summary>
    private static NotificationEvent? GroupEvent(Context context) => context.BecameMajor ? NotificationEvent.MajorComplaint : context.Entry.Kind switch
    {
        TimelineEntryKind.Transferred when context.PreviousDepartmentId is not null
            && context.PreviousDepartmentId != context.Complaint.ResponsibleDepartmentId => NotificationEvent.Transferred,
        TimelineEntryKind.ReComplained => NotificationEvent.ReComplained,
        TimelineEntryKind.SlaAtRisk => NotificationEvent.SlaAtRisk,
        TimelineEntryKind.SlaBreached => NotificationEvent.SlaBreached,
        _ => null,
    };

    /// <summary>The department the complaint belongs to: the responsible one, or before registration routes it the first responder's.</summary>
    private async Task<Guid?> DepartmentOfAsync(Complaint complaint, CancellationToken ct) =>
        complaint.ResponsibleDepartmentId
        ?? await db.Staff.AsNoTracking().Where(s => s.Id == complaint.FirstResponderId).Select(s => (Guid?)s.DepartmentId).SingleOrDefaultAsync(ct);

    /// <summary>One message per robot of the department (企业微信, 钉钉) whose channel is on for the event; a department without robots hears nothing.</summary>
    private async Task PlanForGroupAsync(Context context, NotificationEvent groupEvent, CancellationToken ct)
    {
        if (await DepartmentOfAsync(context.Complaint, ct) is not { } departmentId)
        {
            return;
        }

        var robots = await db.DepartmentRobots.AsNoTracking().Where(r => r.DepartmentId == departmentId).ToListAsync(ct);
        if (robots.Count == 0)
        {
            return;
        }

        var names = await DepartmentNamesAsync([departmentId, context.PreviousDepartmentId], ct);
        var language = NotificationTemplate.LanguageFor(options.Value.DefaultLanguage);
        var department = names.GetValueOrDefault(departmentId);
        var values = NotificationValues.ForStaff(context.Complaint, context.Entry, department ?? string.Empty, language, department, context.Zone,
            context.PreviousDepartmentId is { } previous ? names.GetValueOrDefault(previous) : null);
        foreach (var robot in robots)
        {
            var channel = robot.Kind == GroupRobotKind.WeCom ? NotificationChannel.WeComRobot : NotificationChannel.DingTalkRobot;
            if (context.Policy.IsOn(groupEvent, channel))
            {
                Add(Notification.ToSend(context.Source, context.Complaint.Id, groupEvent, channel, NotificationAudience.Department, departmentId,
                    robot.MaskedUrl, language, context.Policy.Template(groupEvent, channel, language).Render(values), context.Now));
            }
        }
    }

    private async Task<Dictionary<Guid, string>> DepartmentNamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
    }

    private static NotificationEvent? CustomerEvent(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Received => NotificationEvent.ComplaintReceived,
        TimelineEntryKind.SolutionProposed => NotificationEvent.SolutionProposed,
        TimelineEntryKind.Resolved => NotificationEvent.ComplaintResolved,
        TimelineEntryKind.Closed => NotificationEvent.ComplaintClosed,
        TimelineEntryKind.Reopened => NotificationEvent.ComplaintReopened,
        TimelineEntryKind.PublicReply => NotificationEvent.PublicReply,
        _ => null,
    };

    /// <summary>
    /// Who among the staff hears of the entry, never the one who made it: the assignee of an assignment; the first responder
    /// of a transfer, a re-complaint or a change of status; the responsible department's supervisor of SLA risk and breach,
    /// and every manager of the breach of a major complaint; the managers of the responsible department (every manager when it
    /// has none) of a complaint registered or reclassified as major.
    /// </summary>
    private async Task<IEnumerable<(Guid StaffId, NotificationEvent Event)>> StaffRecipientsAsync(
        Complaint complaint, TimelineEntry entry, bool becameMajor, CancellationToken ct)
    {
        var recipients = new List<(Guid, NotificationEvent)>();
        if (becameMajor)
        {
            var managers = db.Staff.AsNoTracking().Where(s => s.IsActive && s.Roles.Contains(Role.Manager));
            var ofDepartment = await managers.Where(s => s.DepartmentId == complaint.ResponsibleDepartmentId).Select(s => s.Id).ToListAsync(ct);
            recipients.AddRange((ofDepartment.Count > 0 ? ofDepartment : await managers.Select(s => s.Id).ToListAsync(ct))
                .Select(id => (id, NotificationEvent.MajorComplaint)));
        }

        if (entry.Kind is TimelineEntryKind.SlaAtRisk or TimelineEntryKind.SlaBreached)
        {
            var notificationEvent = entry.Kind == TimelineEntryKind.SlaAtRisk ? NotificationEvent.SlaAtRisk : NotificationEvent.SlaBreached;
            var departmentId = await DepartmentOfAsync(complaint, ct);
            var supervisor = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId)
                .Select(d => d.SupervisorId).SingleOrDefaultAsync(ct);
            if (supervisor is { } head)
            {
                recipients.Add((head, notificationEvent));
            }

            if (notificationEvent == NotificationEvent.SlaBreached && complaint.Severity == Severity.Major)
            {
                recipients.AddRange((await db.Staff.AsNoTracking().Where(s => s.IsActive && s.Roles.Contains(Role.Manager)).Select(s => s.Id).ToListAsync(ct))
                    .Select(id => (id, notificationEvent)));
            }

            return recipients.DistinctBy(r => r.Item1);
        }

        var firstResponder = complaint.FirstResponderId;
        if (entry.Kind is TimelineEntryKind.Assigned or TimelineEntryKind.Transferred && complaint.AssigneeId is { } assignee)
        {
            recipients.Add((assignee, NotificationEvent.Assigned));
        }

        if (entry.Kind == TimelineEntryKind.Transferred && firstResponder is { } took)
        {
            recipients.Add((took, NotificationEvent.Transferred));
        }
        else if (entry.Kind == TimelineEntryKind.ReComplained && firstResponder is { } first)
        {
            recipients.Add((first, NotificationEvent.ReComplained));
        }
        else if (entry.Kind != TimelineEntryKind.Received && entry.FromStatus is { } from && entry.ToStatus is { } to && from != to && firstResponder is { } responder)
        {
            recipients.Add((responder, NotificationEvent.StatusChanged));
        }

        return recipients.Where(r => r.Item1 != entry.ActorId).DistinctBy(r => r.Item1);
    }

    private async Task PlanForCustomerAsync(Context context, NotificationEvent notificationEvent, Domain.Sla.SlaSchedule schedule, CancellationToken ct)
    {
        var complaint = context.Complaint;
        await customers.PlanAsync(new CustomerNotification(context.Source, complaint.Id, notificationEvent, complaint.CustomerId),
            context.Policy, context.Zone, context.Now,
            (customerName, language, clock) => NotificationValues.ForCustomer(complaint, context.Entry, customerName, language, schedule, clock), ct);
    }

    private async Task PlanForStaffAsync(Context context, List<(Guid StaffId, NotificationEvent Event)> recipients, CancellationToken ct)
    {
        var ids = recipients.Select(r => r.StaffId).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id) && s.IsActive)
            .Select(s => new { s.Id, s.Name, s.Email }).ToDictionaryAsync(s => s.Id, ct);
        var departments = await DepartmentNamesAsync([context.Complaint.ResponsibleDepartmentId, context.PreviousDepartmentId], ct);
        var language = NotificationTemplate.LanguageFor(options.Value.DefaultLanguage);
        foreach (var (staffId, notificationEvent) in recipients)
        {
            if (!staff.TryGetValue(staffId, out var member) || !context.Policy.IsOn(notificationEvent, NotificationChannel.Email)
                || !(await settings.GetAsync<StaffNotificationSettings>(StaffNotificationSettings.KeyOf(staffId), ct) is not { } chosen
                    || chosen.Value.Receive.Contains(notificationEvent)))
            {
                continue; // unknown or inactive, switched off by administrators, or not chosen by them
            }

            var values = NotificationValues.ForStaff(context.Complaint, context.Entry, member.Name, language,
                context.Complaint.ResponsibleDepartmentId is { } d && departments.TryGetValue(d, out var name) ? name : null, context.Zone,
                context.PreviousDepartmentId is { } p && departments.TryGetValue(p, out var previous) ? previous : null);
            var rendered = context.Policy.Template(notificationEvent, NotificationChannel.Email, language).Render(values);
            Add(channels.IsConfigured(NotificationChannel.Email)
                ? Notification.ToSend(context.Source, context.Complaint.Id, notificationEvent, NotificationChannel.Email, NotificationAudience.Staff, staffId,
                    member.Email, language, rendered, context.Now)
                : Notification.NotSent(context.Source, context.Complaint.Id, notificationEvent, NotificationChannel.Email, NotificationAudience.Staff, staffId,
                    language, NotSentReason.ChannelNotConfigured, rendered, context.Now));
        }
    }

    private void Add(Notification planned) => db.Notifications.Add(planned);

    private sealed record Context(
        Complaint Complaint, TimelineEntry Entry, NotificationPolicy Policy, TimeZoneInfo Zone, string Source, DateTimeOffset Now, Guid? PreviousDepartmentId,
        bool BecameMajor);
}
