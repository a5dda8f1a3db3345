using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.ImprovementActions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.ImprovementActions.Queries.GetOverdueImprovementActions;

/// <summary>The improvement actions still open past their due day, most overdue first, with their owner and department by name.</summary>
public sealed record GetOverdueImprovementActionsQuery : IQuery<OverdueImprovementActionsReport>;

/// <summary>On <c>today</c> (the business calendar's), how many actions are open and how many of them overdue, and the overdue ones.</summary>
public sealed record OverdueImprovementActionsReport(DateOnly Today, int Open, int Overdue, IReadOnlyList<OverdueImprovementActionDto> Actions);

public sealed record OverdueImprovementActionDto(
    Guid Id, string Title, ImprovementActionStatus Status, DateOnly DueOn, int DaysOverdue, Guid? OwnerId, string? OwnerName, Guid? DepartmentId,
    string? DepartmentName, string? Category, string? Cause);

public sealed class GetOverdueImprovementActionsQueryHandler(IApplicationDbContext db, TimeProvider time, ISlaScheduleProvider schedules)
    : IQueryHandler<GetOverdueImprovementActionsQuery, OverdueImprovementActionsReport>
{
    public async ValueTask<OverdueImprovementActionsReport> Handle(GetOverdueImprovementActionsQuery query, CancellationToken cancellationToken)
    {
        var today = await schedules.TodayAsync(time, cancellationToken);
        var open = db.ImprovementActions.AsNoTracking()
            .Where(a => a.Status == ImprovementActionStatus.Planned || a.Status == ImprovementActionStatus.InProgress);
        var openCount = await open.CountAsync(cancellationToken);
        var overdue = await open.Where(a => a.DueOn < today).OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Title, a.Status, a.DueOn, a.OwnerId, a.DepartmentId, a.Category, a.Cause,
                Owner = db.Staff.Where(s => s.Id == a.OwnerId).Select(s => s.Name).FirstOrDefault(),
                Department = db.Departments.Where(d => d.Id == a.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new OverdueImprovementActionsReport(today, openCount, overdue.Count, overdue.Select(a => new OverdueImprovementActionDto(
            a.Id, a.Title, a.Status, a.DueOn, today.DayNumber - a.DueOn.DayNumber, a.OwnerId, a.Owner, a.DepartmentId, a.Department, a.Category, a.Cause)).ToList());
    }
}
