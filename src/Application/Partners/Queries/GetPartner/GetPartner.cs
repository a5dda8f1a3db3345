using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Queries.GetPartner;

public sealed record GetPartnerQuery(Guid Id) : IQuery<PartnerDto>;

public sealed class GetPartnerQueryHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<GetPartnerQuery, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(GetPartnerQuery query, CancellationToken cancellationToken) =>
        await db.Partners.AsNoTracking().Where(p => p.Id == query.Id)
            .Select(PartnerProjections.ToDto(time.GetUtcNow()))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Partner", query.Id);
}
