using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;

public sealed record GetImprovementActionQuery(Guid Id) : IQuery<ImprovementActionDto>;

public sealed class GetImprovementActionQueryHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time, ISlaScheduleProvider schedules)
    : IQueryHandler<GetImprovementActionQuery, ImprovementActionDto>
{
    public async ValueTask<ImprovementActionDto> Handle(GetImprovementActionQuery query, CancellationToken cancellationToken)
    {
        var action = await db.ImprovementActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Improvement action", query.Id);
        return ImprovementActionDto.For(mapper, action, await schedules.TodayAsync(time, cancellationToken));
    }
}
