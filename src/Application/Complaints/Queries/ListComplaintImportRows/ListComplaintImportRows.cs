using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints.Queries.GetComplaintImport;
using CustomerCare.Domain.Imports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.ListComplaintImportRows;

/// <summary>The report of one of the calling partner's imports, a line per row done so far, in file order; <c>status</c> picks one outcome.</summary>
public sealed record ListComplaintImportRowsQuery(Guid Id) : IQuery<PagedList<ComplaintImportRowDto>>
{
    public ImportRowStatus? Status { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListComplaintImportRowsQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper)
    : IQueryHandler<ListComplaintImportRowsQuery, PagedList<ComplaintImportRowDto>>
{
    public async ValueTask<PagedList<ComplaintImportRowDto>> Handle(ListComplaintImportRowsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.ComplaintImports.AnyAsync(i => i.Id == query.Id && i.PartnerId == user.Id, cancellationToken))
        {
            throw new NotFoundException("Import", query.Id);
        }

        var rows = db.ComplaintImportRows.AsNoTracking().Where(r => r.ImportId == query.Id);
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        return await PagedList<ComplaintImportRowDto>.CreateAsync(
            rows.OrderBy(r => r.Line).ProjectTo<ComplaintImportRowDto>(mapper.ConfigurationProvider), query.Page, query.PageSize, cancellationToken);
    }
}
