using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Customers.Queries.ExportCustomer;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Audit.Queries.ListAccessRecords;

/// <summary>The personal-data access log, newest first: who read, exported, changed, merged or erased which customer.</summary>
public sealed record ListAccessRecordsQuery(
    Guid? CustomerId = null, Guid? ActorId = null, CustomerAccess? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<AccessRecordDto>>;

public sealed class ListAccessRecordsQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListAccessRecordsQuery, PagedList<AccessRecordDto>>
{
    public async ValueTask<PagedList<AccessRecordDto>> Handle(ListAccessRecordsQuery query, CancellationToken cancellationToken)
    {
        var records = db.CustomerAccessRecords.AsNoTracking();
        records = records
            .FilterBy(query.CustomerId, customerId => r => r.CustomerId == customerId)
            .FilterBy(query.ActorId, actorId => r => r.ActorId == actorId)
            .FilterBy(query.Action, action => r => r.Action == action)
            .FilterBy(query.From, from => r => r.At >= from)
            .FilterBy(query.To, to => r => r.At < to);

        return await PagedList<AccessRecordDto>.CreateAsync(
            records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
                .ProjectTo<AccessRecordDto>(mapper.ConfigurationProvider),
            query.Page, query.PageSize, cancellationToken);
    }
}
