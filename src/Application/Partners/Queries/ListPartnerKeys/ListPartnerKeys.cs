using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Mappings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Queries.ListPartnerKeys;

/// <summary>A partner's keys, newest first: never the secrets, which are shown once when issued.</summary>
public sealed record ListPartnerKeysQuery(Guid PartnerId) : IQuery<IReadOnlyList<PartnerApiKeyDto>>;

public enum ApiKeyStatus
{
    Active,
    Expired,
    Revoked,
}

public sealed class ListPartnerKeysQueryHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper)
    : IQueryHandler<ListPartnerKeysQuery, IReadOnlyList<PartnerApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<PartnerApiKeyDto>> Handle(ListPartnerKeysQuery query, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().Include(p => p.Keys)
            .SingleOrDefaultAsync(p => p.Id == query.PartnerId, cancellationToken)
            ?? throw new NotFoundException("Partner", query.PartnerId);
        var now = time.GetUtcNow();
        return partner.Keys.OrderByDescending(k => k.CreatedAt).Select(k => mapper.Map<PartnerApiKeyDto>(k, (MappingContext.Now, now))).ToList();
    }
}
