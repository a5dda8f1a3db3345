using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using FluentValidation;
using Mediator;

namespace CustomerCare.Application.Reports.Queries.GetOpenBreaches;

/// <summary>Open complaints with a missed milestone or an overdue solution step right now, per responsible department.</summary>
public sealed record GetOpenBreachesQuery : IQuery<OpenBreachesReport>, IReportQuery;

public sealed class GetOpenBreachesQueryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IComplaintStatistics statistics)
    : IQueryHandler<GetOpenBreachesQuery, OpenBreachesReport>
{
    public async ValueTask<OpenBreachesReport> Handle(GetOpenBreachesQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await statistics.OpenBreachesAsync(await db.VisibilityAsync(user, cancellationToken), now, cancellationToken);
        var departments = rows.Where(r => r.Milestone is null && !r.OverdueSteps)
            .Select(d => new DepartmentBreachesDto(d.DepartmentId, d.DepartmentName ?? "No department", d.Complaints,
                rows.Where(m => m.Milestone is not null && m.DepartmentId == d.DepartmentId)
                    .OrderBy(m => m.Milestone).Select(m => new MilestoneCountDto(m.Milestone!.Value, m.Complaints)).ToList(),
                rows.SingleOrDefault(m => m.OverdueSteps && m.DepartmentId == d.DepartmentId)?.Complaints ?? 0))
            .OrderByDescending(d => d.Complaints).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        return new OpenBreachesReport(now, departments.Sum(d => d.Complaints), departments);
    }
}
