using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Queries.ListCustomers;

/// <summary>
/// Finds customers. Phone and e-mail match exactly whatever the format typed; name matches whole words
/// (every word given); company matches any part; segment and grade exactly. Newest first.
/// </summary>
public sealed record ListCustomersQuery(
    string? Name = null, string? Phone = null, string? Email = null, string? Company = null, string? Segment = null,
    bool IncludeInactive = false, int Page = 1, int PageSize = Paging.DefaultPageSize, string? Grade = null) : IQuery<PagedList<CustomerSummaryDto>>;

public sealed class ListCustomersQueryHandler(IApplicationDbContext db, IContactNormaliser normaliser, IPersonalDataIndex index, IMapper mapper)
    : IQueryHandler<ListCustomersQuery, PagedList<CustomerSummaryDto>>
{
    public async ValueTask<PagedList<CustomerSummaryDto>> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking();
        if (!query.IncludeInactive)
        {
            customers = customers.Where(c => c.ErasedAt == null && c.MergedIntoId == null);
        }

        if (!string.IsNullOrWhiteSpace(query.Phone))
        {
            var key = index.ContactKey(ContactKind.Phone, normaliser.NormalisePhone(query.Phone)!);
            customers = customers.Where(c => c.ContactPoints.Any(p => p.LookupKey == key));
        }

        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var key = index.ContactKey(ContactKind.Email, normaliser.NormaliseEmail(query.Email));
            customers = customers.Where(c => c.ContactPoints.Any(p => p.LookupKey == key));
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            foreach (var key in index.NameSearchKeys(query.Name))
            {
                customers = customers.Where(c => c.NameKeys.Contains(key));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Company))
        {
            var pattern = Like.Contains(query.Company);
            customers = customers.Where(c => c.Company != null && EF.Functions.Like(c.Company.ToLower(), pattern, Like.Escape));
        }

        if (!string.IsNullOrWhiteSpace(query.Segment))
        {
            var segment = query.Segment.Trim().ToLowerInvariant();
            customers = customers.Where(c => c.Segment == segment);
        }

        if (!string.IsNullOrWhiteSpace(query.Grade))
        {
            customers = customers.Where(c => c.Grade == query.Grade);
        }

        var total = await customers.CountAsync(cancellationToken);
        var page = total == 0
            ? []
            : await customers.Include(c => c.ContactPoints)
                .OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .ToListAsync(cancellationToken);

        return new PagedList<CustomerSummaryDto>(page.Select(mapper.Map<CustomerSummaryDto>).ToList(), query.Page, query.PageSize, total);
    }
}

/// <summary>Contact details shown in lists: enough to tell two callers apart, not enough to contact them.</summary>
public static class Masking
{
    public static string? Phone(string? e164) =>
        e164 is null ? null : e164.Length <= 8 ? new string('*', e164.Length) : $"{e164[..5]}{new string('*', e164.Length - 9)}{e164[^4..]}";

    public static string? Email(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
