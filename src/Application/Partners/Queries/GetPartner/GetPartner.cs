using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Partners;
using Mediator;

namespace CustomerCare.Application.Partners.Queries.GetPartner;

public sealed record GetPartnerQuery(Guid Id) : IQuery<PartnerDto>;

public sealed class GetPartnerQueryHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : IQueryHandler<GetPartnerQuery, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(GetPartnerQuery query, CancellationToken cancellationToken) =>
        await db.Partners.SingleDtoAsync<Partner, PartnerDto>(query.Id, mapper, "Partner", cancellationToken, new { now = time.GetUtcNow() });
}
