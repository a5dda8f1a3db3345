using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.CareTasks;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Application.Surveys;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Feedback;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

/// <summary>
/// The 360° view of a customer on one screen: who they are, their complaints (counts, the latest, their
/// satisfaction), feedback, survey answers and care tasks. The read is written to the access log.
/// </summary>
public sealed record GetCustomerOverviewQuery(Guid Id) : ICommand<CustomerOverviewDto>;

public sealed class GetCustomerOverviewQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, ISlaScheduleProvider schedules, TimeProvider time)
    : ICommandHandler<GetCustomerOverviewQuery, CustomerOverviewDto>
{
    public const int LatestCount = 5;

    public async ValueTask<CustomerOverviewDto> Handle(GetCustomerOverviewQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", query.Id);

        // The counts are the customer's; the latest items only those the caller may open.
        var all = db.Complaints.AsNoTracking().Where(c => c.CustomerId == customer.Id);
        var stats = await all.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Open = g.Count(c => c.Status != ComplaintStatus.Closed),
            ReComplaints = g.Count(c => c.ReComplaintOfId != null),
            Repeats = g.Count(c => c.RepeatCount > 0),
            LastReceivedAt = (DateTimeOffset?)g.Max(c => c.ReceivedAt),
        }).SingleOrDefaultAsync(cancellationToken);
        var satisfaction = await all.Where(c => c.Closing != null && c.Closing.Satisfaction != null)
            .Select(c => (double?)c.Closing!.Satisfaction).AverageAsync(cancellationToken);
        var latest = await (await db.VisibleAsync(user, cancellationToken)).AsNoTracking().Where(c => c.CustomerId == customer.Id)
            .OrderByDescending(c => c.ReceivedAt).Take(LatestCount)
            .ProjectTo<ComplaintSummaryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);

        var feedback = db.Feedback.AsNoTracking().Where(f => f.CustomerId == customer.Id);
        var feedbackTotal = await feedback.CountAsync(cancellationToken);
        var feedbackOpen = await feedback.CountAsync(f => f.Status != FeedbackStatus.Answered, cancellationToken);
        var latestFeedback = await feedback.OrderByDescending(f => f.CreatedAt).Take(LatestCount)
            .Select(f => new FeedbackSummaryDto(f.Id, f.Kind, f.Subject, f.Status, f.CreatedAt)).ToListAsync(cancellationToken);

        var invitations = db.SurveyInvitations.AsNoTracking().Where(i => i.CustomerId == customer.Id);
        var invited = await invitations.CountAsync(cancellationToken);
        var answered = await invitations.CountAsync(i => i.AnsweredAt != null, cancellationToken);
        var latestAnswers = await SurveyResponses.OfCustomerAsync(db, customer.Id, answeredOnly: true, LatestCount, cancellationToken);

        var today = (await schedules.GetCurrentAsync(cancellationToken)).Calendar.DateOf(time.GetUtcNow());
        var tasks = db.CareTasks.AsNoTracking().Where(t => t.CustomerId == customer.Id);
        var openTasks = await tasks.CountAsync(t => t.Status == CareTaskStatus.Open, cancellationToken);
        var overdueTasks = await tasks.CountAsync(t => t.Status == CareTaskStatus.Open && t.DueOn < today, cancellationToken);
        var doneTasks = await tasks.CountAsync(t => t.Status == CareTaskStatus.Done, cancellationToken);
        // Counts cover every task; the tasks shown in full are only those the caller may see (as with complaints above).
        var upcoming = (await (await db.VisibleCareTasksAsync(user, cancellationToken)).AsNoTracking()
            .Where(t => t.CustomerId == customer.Id && t.Status == CareTaskStatus.Open).OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).Take(LatestCount)
            .ToListAsync(cancellationToken)).Select(mapper.Map<CareTaskDto>).ToList();

        db.Record(user, customer.Id, CustomerAccess.Read, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var total = stats?.Total ?? 0;
        var open = stats?.Open ?? 0;
        return new CustomerOverviewDto(
            customer.Id, customer.Name, customer.Company, customer.Segment, customer.MergedIntoId, customer.ErasedAt, customer.RewardPoints,
            new ComplaintOverviewDto(total, open, total - open, stats?.ReComplaints ?? 0, stats?.Repeats ?? 0,
                satisfaction is { } s ? Math.Round(s, 2) : null, stats?.LastReceivedAt, latest),
            new FeedbackOverviewDto(feedbackTotal, feedbackOpen, latestFeedback),
            new SurveyOverviewDto(invited, answered, latestAnswers),
            new CareTaskOverviewDto(openTasks, overdueTasks, doneTasks, upcoming));
    }
}
