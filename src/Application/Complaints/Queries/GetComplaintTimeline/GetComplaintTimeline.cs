using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.GetComplaintTimeline;

/// <summary>The history of a complaint, oldest first, with when the customer was told of each entry.</summary>
public sealed record GetComplaintTimelineQuery(Guid Id) : IQuery<IReadOnlyList<TimelineEntryDto>>;

public sealed class GetComplaintTimelineQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper)
    : IQueryHandler<GetComplaintTimelineQuery, IReadOnlyList<TimelineEntryDto>>
{
    public async ValueTask<IReadOnlyList<TimelineEntryDto>> Handle(GetComplaintTimelineQuery query, CancellationToken cancellationToken)
    {
        if (!await (await db.VisibleAsync(user, cancellationToken)).AnyAsync(c => c.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException("Complaint", query.Id);
        }

        var entries = db.ComplaintTimeline.AsNoTracking().Where(e => e.ComplaintId == query.Id);
        var publicOnly = user.ReadsPublicOnly();
        if (publicOnly)
        {
            var kinds = TimelineVisibilities.PublicKinds.ToList();
            entries = entries.Where(e => kinds.Contains(e.Kind));
        }

        var rows = await entries.OrderBy(e => e.Sequence).ProjectTo<TimelineEntryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
        return await db.WithCustomerInformedAsync(query.Id, publicOnly ? rows.ConvertAll(e => e.ForPublic()) : rows, cancellationToken);
    }
}
