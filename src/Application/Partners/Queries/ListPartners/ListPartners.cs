using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Partners.Queries.GetPartner;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Queries.ListPartners;

public sealed record ListPartnersQuery(string? Search = null, bool IncludeInactive = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<PartnerDto>>;

public sealed class ListPartnersQueryHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper)
    : IQueryHandler<ListPartnersQuery, PagedList<PartnerDto>>
{
    public async ValueTask<PagedList<PartnerDto>> Handle(ListPartnersQuery query, CancellationToken cancellationToken)
    {
        var partners = db.Partners.AsNoTracking();
        if (!query.IncludeInactive)
        {
            partners = partners.Where(p => p.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Contains(query.Search);
            partners = partners.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, Like.Escape));
        }

        return await PagedList<PartnerDto>.CreateAsync(
            partners.OrderBy(p => p.Name).ThenBy(p => p.Id).ProjectTo<PartnerDto>(mapper.ConfigurationProvider, new { now = time.GetUtcNow() }),
            query.Page, query.PageSize, cancellationToken);
    }
}
