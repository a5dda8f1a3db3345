using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;
using CustomerCare.Domain.ImprovementActions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.ImprovementActions.Queries.ListImprovementActions;

/// <summary>Whose actions a list shows.</summary>
public enum ImprovementActionView
{
    All,

    /// <summary>The caller's own.</summary>
    Mine,
}

/// <summary>
/// Improvement actions, soonest due first: <c>mine</c> (the caller owns them), <c>overdue</c> (open past their due day),
/// of a status, owner, department, category or cause, or traced to a complaint, feedback, survey or incident.
/// </summary>
public sealed record ListImprovementActionsQuery(
    ImprovementActionView View, bool Overdue, ImprovementActionStatus? Status, Guid? OwnerId, Guid? DepartmentId, string? Category, string? Cause,
    ImprovementLinkKind? TracedTo, Guid? TargetId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<ImprovementActionDto>>;

public sealed class ListImprovementActionsQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ISlaScheduleProvider schedules)
    : IQueryHandler<ListImprovementActionsQuery, PagedList<ImprovementActionDto>>
{
    public async ValueTask<PagedList<ImprovementActionDto>> Handle(ListImprovementActionsQuery query, CancellationToken cancellationToken)
    {
        var today = await schedules.TodayAsync(time, cancellationToken);
        var actions = db.ImprovementActions.AsNoTracking();
        if (query.View == ImprovementActionView.Mine)
        {
            actions = actions.Where(a => a.OwnerId == user.Id);
        }

        if (query.Overdue)
        {
            actions = actions.Where(a => (a.Status == ImprovementActionStatus.Planned || a.Status == ImprovementActionStatus.InProgress) && a.DueOn < today);
        }

        actions = actions.Where(a => (query.Status == null || a.Status == query.Status) && (query.OwnerId == null || a.OwnerId == query.OwnerId)
            && (query.DepartmentId == null || a.DepartmentId == query.DepartmentId) && (query.Category == null || a.Category == query.Category)
            && (query.Cause == null || a.Cause == query.Cause));
        if (query.TracedTo is { } kind && query.TargetId is { } target)
        {
            actions = actions.Where(a => a.Links.Any(l => l.Kind == kind && l.TargetId == target));
        }

        var total = await actions.CountAsync(cancellationToken);
        var page = await actions.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedList<ImprovementActionDto>(page.Select(a => ImprovementActionDto.For(mapper, a, today)).ToList(), query.Page, query.PageSize, total);
    }
}
