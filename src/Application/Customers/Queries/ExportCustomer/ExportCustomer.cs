using CustomerCare.Application.Attachments.Queries.ListAttachments;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using CustomerCare.Application.Notifications.Queries.GetComplaintNotifications;
using CustomerCare.Application.Surveys;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Queries.ExportCustomer;

/// <summary>Everything held about a customer, as one document (a data-subject access request). The export is logged.</summary>
public sealed record ExportCustomerQuery(Guid Id) : ICommand<CustomerExportDto>;

public sealed class ExportCustomerQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ExportCustomerQuery, CustomerExportDto>
{
    public async ValueTask<CustomerExportDto> Handle(ExportCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.ContactPoints)
            .SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", query.Id);
        var merged = await db.Customers.AsNoTracking().Where(c => c.MergedIntoId == customer.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var log = await db.CustomerAccessRecords.AsNoTracking().Where(r => r.CustomerId == customer.Id).OrderBy(r => r.At)
            .ProjectTo<AccessRecordDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.CustomerId == customer.Id).OrderBy(c => c.ReceivedAt)
            .ToListAsync(cancellationToken);
        var ids = complaints.Select(c => c.Id).ToList();
        var timelines = (await db.ComplaintTimeline.AsNoTracking().Where(e => ids.Contains(e.ComplaintId)).OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ComplaintId, mapper.Map<TimelineEntryDto>);
        var files = (await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.ComplaintId)).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken))
            .ToLookup(a => a.ComplaintId, mapper.Map<AttachmentDto>);
        var exported = complaints.Select(c => new ExportedComplaintDto(ComplaintDto.For(mapper, c, user, now), timelines[c.Id].ToList(), files[c.Id].ToList())).ToList();

        var feedback = (await db.Feedback.AsNoTracking().Where(f => f.CustomerId == customer.Id).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken))
            .Select(mapper.Map<FeedbackDto>).ToList();
        var surveys = await SurveyResponses.OfCustomerAsync(db, customer.Id, answeredOnly: false, int.MaxValue, cancellationToken);
        var tasks = (await db.CareTasks.AsNoTracking().Where(t => t.CustomerId == customer.Id).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken))
            .Select(mapper.Map<CareTaskDto>).ToList();

        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.Audience == NotificationAudience.Customer && n.RecipientId == customer.Id)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .ProjectTo<NotificationDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);

        db.Record(user, customer.Id, CustomerAccess.Exported, now);
        await db.SaveChangesAsync(cancellationToken);
        return new CustomerExportDto(now, mapper.Map<CustomerDto>(customer), merged, exported, feedback, surveys, tasks, notifications, log);
    }
}
