using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.CareTasks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CareTasks.Queries.ListCareTasks;

/// <summary>
/// Care tasks, soonest due first. "Today" is the business calendar's today (in its time zone). <c>mine</c>,
/// <c>dueToday</c> and <c>overdue</c> show open tasks only; the filters narrow any view.
/// </summary>
public sealed record ListCareTasksQuery(
    CareTaskView View, Guid? OwnerId, Guid? CustomerId, Guid? ComplaintId, CareTaskStatus? Status, CareTaskKind? Kind, int Page, int PageSize)
    : IQuery<PagedList<CareTaskDto>>;

public sealed class ListCareTasksQueryHandler(IApplicationDbContext db, ICurrentUser user, ISlaScheduleProvider schedules, TimeProvider time, IMapper mapper)
    : IQueryHandler<ListCareTasksQuery, PagedList<CareTaskDto>>
{
    public async ValueTask<PagedList<CareTaskDto>> Handle(ListCareTasksQuery query, CancellationToken cancellationToken)
    {
        var today = (await schedules.GetCurrentAsync(cancellationToken)).Calendar.DateOf(time.GetUtcNow());
        var tasks = (await db.VisibleCareTasksAsync(user, cancellationToken)).AsNoTracking();
        tasks = query.View switch
        {
            CareTaskView.Mine => tasks.Where(t => t.Status == CareTaskStatus.Open && t.OwnerId == user.Id),
            CareTaskView.DueToday => tasks.Where(t => t.Status == CareTaskStatus.Open && t.DueOn == today),
            CareTaskView.Overdue => tasks.Where(t => t.Status == CareTaskStatus.Open && t.DueOn < today),
            _ => tasks,
        };
        tasks = tasks
            .FilterBy(query.OwnerId, ownerId => t => t.OwnerId == ownerId)
            .FilterBy(query.CustomerId, customerId => t => t.CustomerId == customerId)
            .FilterBy(query.ComplaintId, complaintId => t => t.ComplaintId == complaintId)
            .FilterBy(query.Status, status => t => t.Status == status)
            .FilterBy(query.Kind, kind => t => t.Kind == kind);

        return await PagedList<CareTaskDto>.CreateAsync(tasks.OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).ProjectTo<CareTaskDto>(mapper.ConfigurationProvider), query.Page, query.PageSize, cancellationToken);
    }
}
