using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Causes.Queries.GetCause;

public sealed record GetCauseQuery(string Code) : IQuery<CauseDto>;

public sealed class GetCauseQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetCauseQuery, CauseDto>
{
    public async ValueTask<CauseDto> Handle(GetCauseQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCauses.AsNoTracking().Where(c => c.Code == query.Code).ProjectTo<CauseDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Cause", query.Code);
}
