using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Causes.Queries.GetCause;

public sealed record GetCauseQuery(string Code) : IQuery<CauseDto>;

public sealed class GetCauseQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetCauseQuery, CauseDto>
{
    public async ValueTask<CauseDto> Handle(GetCauseQuery query, CancellationToken cancellationToken) =>
        await db.ComplaintCauses.GetTermAsync<ComplaintCause, CauseDto>(query.Code, "Cause", mapper, cancellationToken);
}
