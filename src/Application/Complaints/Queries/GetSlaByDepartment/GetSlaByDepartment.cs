using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.GetSlaByDepartment;

/// <summary>Per responsible department, how many open complaints have a breached or an at-risk milestone now.</summary>
public sealed record GetSlaByDepartmentQuery : IQuery<IReadOnlyList<DepartmentSlaDto>>;

public sealed class GetSlaByDepartmentQueryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : IQueryHandler<GetSlaByDepartmentQuery, IReadOnlyList<DepartmentSlaDto>>
{
    public async ValueTask<IReadOnlyList<DepartmentSlaDto>> Handle(GetSlaByDepartmentQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await (await db.VisibleAsync(user, cancellationToken)).AsNoTracking()
            .Where(c => c.Status != ComplaintStatus.Closed)
            .GroupBy(c => c.ResponsibleDepartmentId)
            .Select(g => new DepartmentSlaDto(
                g.Key,
                g.Count(c => c.SlaClocks.Any(k => k.MetAt == null && k.PausedAt == null && k.DueAt <= now)),
                g.Count(c => !c.SlaClocks.Any(k => k.MetAt == null && k.PausedAt == null && k.DueAt <= now)
                    && c.SlaClocks.Any(k => k.MetAt == null && k.PausedAt == null && k.AtRiskFrom <= now))))
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Breached > 0 || r.AtRisk > 0).OrderByDescending(r => r.Breached).ThenByDescending(r => r.AtRisk).ToList();
    }
}
