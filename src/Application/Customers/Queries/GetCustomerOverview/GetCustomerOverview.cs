using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.Complaints.Queries;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

/// <summary>
/// The 360° view of a customer on one screen: who they are and their complaints (counts, the latest, their
/// satisfaction). The read is written to the access log.
/// </summary>
public sealed record GetCustomerOverviewQuery(Guid Id) : ICommand<CustomerOverviewDto>;

public sealed record CustomerOverviewDto(
    Guid Id, string Name, string? Company, string Segment, Guid? MergedIntoId, DateTimeOffset? ErasedAt,
    ComplaintOverviewDto Complaints);

public sealed record ComplaintOverviewDto(
    int Total, int Open, int Closed, int ReComplaints, int Repeats, double? AverageSatisfaction,
    DateTimeOffset? LastReceivedAt, IReadOnlyList<ComplaintSummaryDto> Latest);

public sealed class GetCustomerOverviewQueryValidator : AbstractValidator<GetCustomerOverviewQuery>
{
    public GetCustomerOverviewQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}

public sealed class GetCustomerOverviewQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
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

        db.Record(user, customer.Id, CustomerAccess.Read, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var total = stats?.Total ?? 0;
        var open = stats?.Open ?? 0;
        return new CustomerOverviewDto(
            customer.Id, customer.Name, customer.Company, customer.Segment, customer.MergedIntoId, customer.ErasedAt,
            new ComplaintOverviewDto(total, open, total - open, stats?.ReComplaints ?? 0, stats?.Repeats ?? 0,
                satisfaction is { } s ? Math.Round(s, 2) : null, stats?.LastReceivedAt, latest));
    }
}
