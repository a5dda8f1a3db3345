using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments.Queries.ListDepartmentRobots;

/// <summary>The group robots a department's staff notifications are posted to (administrators only).</summary>
public sealed record ListDepartmentRobotsQuery(Guid DepartmentId) : IQuery<IReadOnlyList<DepartmentRobotDto>>;

public sealed class ListDepartmentRobotsQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<ListDepartmentRobotsQuery, IReadOnlyList<DepartmentRobotDto>>
{
    public async ValueTask<IReadOnlyList<DepartmentRobotDto>> Handle(ListDepartmentRobotsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == query.DepartmentId, cancellationToken))
        {
            throw new NotFoundException("Department", query.DepartmentId);
        }

        var robots = await db.DepartmentRobots.AsNoTracking().Where(r => r.DepartmentId == query.DepartmentId).ToListAsync(cancellationToken);
        return mapper.Map<List<DepartmentRobotDto>>(robots.OrderBy(r => r.Kind)); // in the enum's order (企业微信, 钉钉), not the stored names'
    }
}
