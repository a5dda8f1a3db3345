using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Notifications.Queries.PreviewNotificationTemplate;

/// <summary>The complaint to render for, and optionally a draft text to try instead of the template in force.</summary>
public sealed record PreviewNotificationTemplateInput(
    Guid ComplaintId,
    string? Subject,
    string? Body);

/// <summary>What a template says for a given complaint: rendered as it would be sent (to you, for a staff event), nothing sent.</summary>
public sealed record PreviewNotificationTemplateQuery(NotificationTemplateKey Key, PreviewNotificationTemplateInput Input) : IQuery<RenderedNotificationDto>;

public sealed record RenderedNotificationDto(string? Subject, string Text, string? Html, int SmsSegments);

public sealed class PreviewNotificationTemplateQueryHandler(
    IApplicationDbContext db, ICurrentUser user, INotificationPolicyProvider policies, ISlaScheduleProvider schedules)
    : IQueryHandler<PreviewNotificationTemplateQuery, RenderedNotificationDto>
{
    public async ValueTask<RenderedNotificationDto> Handle(PreviewNotificationTemplateQuery query, CancellationToken cancellationToken)
    {
        var key = query.Key;
        var complaint = await (await db.VisibleAsync(user, cancellationToken)).AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == query.Input.ComplaintId, cancellationToken)
            ?? throw new NotFoundException("Complaint", query.Input.ComplaintId);
        var policy = await policies.GetCurrentAsync(cancellationToken);
        var template = query.Input.Body is { } body
            ? new NotificationTemplate(key.ParsedEvent, key.ParsedChannel, key.StoredLanguage, query.Input.Subject, body)
            : policy.Template(key.ParsedEvent, key.ParsedChannel, key.StoredLanguage);
        var schedule = await schedules.GetCurrentAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.Calendar.TimeZoneId);
        Dictionary<string, string?> values;
        if (NotificationPlaceholders.IsForCustomers(key.ParsedEvent))
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == complaint.CustomerId)
                .Select(c => new { c.Name, c.TimeZone }).SingleAsync(cancellationToken);
            values = NotificationValues.ForCustomer(complaint, null, customer.Name, key.StoredLanguage, schedule,
                customer.TimeZone is { } own && TimeZoneInfo.TryFindSystemTimeZoneById(own, out var theirs) ? theirs : zone);
        }
        else
        {
            var staffName = await db.Staff.AsNoTracking().Where(s => s.Id == user.Id).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
            var department = await db.Departments.AsNoTracking().Where(d => d.Id == complaint.ResponsibleDepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
            values = NotificationValues.ForStaff(complaint, null, staffName ?? string.Empty, key.StoredLanguage, department, zone);
        }

        var rendered = template.Render(values);
        return new RenderedNotificationDto(rendered.Subject, rendered.Text, rendered.Html, rendered.SmsSegments);
    }
}
