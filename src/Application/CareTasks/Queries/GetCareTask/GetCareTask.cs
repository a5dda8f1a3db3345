using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CareTasks.Queries.GetCareTask;

public sealed record GetCareTaskQuery(Guid Id) : IQuery<CareTaskDto>;

public sealed class GetCareTaskQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper) : IQueryHandler<GetCareTaskQuery, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(GetCareTaskQuery query, CancellationToken cancellationToken) =>
        mapper.Map<CareTaskDto>(await (await db.VisibleCareTasksAsync(user, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Care task", query.Id));
}
