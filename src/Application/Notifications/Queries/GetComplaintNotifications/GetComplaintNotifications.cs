using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Notifications.Queries.GetComplaintNotifications;

/// <summary>Every notification a complaint caused, to the customer and to staff, oldest first.</summary>
public sealed record GetComplaintNotificationsQuery(Guid ComplaintId) : IQuery<IReadOnlyList<NotificationDto>>;

public sealed class GetComplaintNotificationsQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper)
    : IQueryHandler<GetComplaintNotificationsQuery, IReadOnlyList<NotificationDto>>
{
    public async ValueTask<IReadOnlyList<NotificationDto>> Handle(GetComplaintNotificationsQuery query, CancellationToken cancellationToken)
    {
        if (!await (await db.VisibleAsync(user, cancellationToken)).AnyAsync(c => c.Id == query.ComplaintId, cancellationToken))
        {
            throw new NotFoundException("Complaint", query.ComplaintId);
        }

        return await db.Notifications.AsNoTracking().Where(n => n.ComplaintId == query.ComplaintId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .ProjectTo<NotificationDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
    }
}
