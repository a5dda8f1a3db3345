using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.ListComplaints;

/// <summary>Open complaints by the state of their service-level clocks.</summary>
public enum SlaFilter
{
    /// <summary>At least one milestone is past its due time and unmet, or a step of the solution is past its due time and not done.</summary>
    Breached,

    /// <summary>At least one unmet milestone has used the at-risk share of its time but is not yet due.</summary>
    AtRisk,
}

public enum ComplaintSort
{
    ReceivedAtDesc,
    ReceivedAtAsc,
    UpdatedAtDesc,
    SeverityDesc,
    NumberAsc,
}

/// <summary>Complaints the caller may see, filtered, sorted and paged (at most 200 a page), projected in the database.</summary>
public sealed record ListComplaintsQuery : IQuery<PagedList<ComplaintSummaryDto>>
{
    public ComplaintStatus? Status { get; init; }

    public string? Category { get; init; }

    public Severity? Severity { get; init; }

    public Channel? Channel { get; init; }

    public Guid? DepartmentId { get; init; }

    public Guid? AssigneeId { get; init; }

    /// <summary>Complaints escalated exactly this many levels (re-complaints and breaches raise it).</summary>
    public int? EscalationLevel { get; init; }

    /// <summary>Complaints of key customers (true) or of the others (false).</summary>
    public bool? KeyCustomer { get; init; }

    public Guid? FirstResponderId { get; init; }

    public Guid? CustomerId { get; init; }

    public Guid? PartnerId { get; init; }

    public DateTimeOffset? ReceivedFrom { get; init; }

    public DateTimeOffset? ReceivedTo { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public SlaFilter? Sla { get; init; }

    /// <summary>Text in the number, title or description.</summary>
    public string? Q { get; init; }

    public ComplaintSort Sort { get; init; } = ComplaintSort.ReceivedAtDesc;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListComplaintsQueryHandler(
    IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, Microsoft.Extensions.Options.IOptions<Common.Options.ComplaintOptions> options,
    CompiledComplaintLists compiled)
    : IQueryHandler<ListComplaintsQuery, PagedList<ComplaintSummaryDto>>
{
    public async ValueTask<PagedList<ComplaintSummaryDto>> Handle(ListComplaintsQuery q, CancellationToken cancellationToken)
    {
        // A queue's first page and a search box's text, the lists asked most often, by the queries compiled for them.
        var answered = CompiledComplaintLists.IsQueue(q) ? await compiled.QueueAsync(db, user, q, options.Value.ListCountLimit, cancellationToken)
            : CompiledComplaintLists.IsSearch(q) ? await compiled.SearchAsync(db, user, q, options.Value.SearchCountLimit, cancellationToken)
            : null;
        if (answered is not null)
        {
            return user.ReadsPublicOnly() ? answered.Select(c => c.ForPublic()) : answered;
        }

        var complaints = ComplaintFilters.Apply((await db.VisibleAsync(user, cancellationToken)).AsNoTracking(), q, time.GetUtcNow());
        complaints = q.Sort switch
        {
            ComplaintSort.ReceivedAtAsc => complaints.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id),
            ComplaintSort.UpdatedAtDesc => complaints.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            ComplaintSort.SeverityDesc => complaints.OrderByDescending(c => c.Severity == Severity.Major).ThenByDescending(c => c.ReceivedAt).ThenBy(c => c.Id),
            ComplaintSort.NumberAsc => complaints.OrderBy(c => c.Number),
            _ => complaints.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
        };

        // A list without a search text is usually a queue with more than a page in it: its count comes in the page's
        // statement. A search reads one match more than its page, which tells whether more follow without counting them.
        var summaries = complaints.ProjectTo<ComplaintSummaryDto>(mapper.ConfigurationProvider);
        var page = string.IsNullOrWhiteSpace(q.Q)
            ? await PagedList<ComplaintSummaryDto>.CreateCountedAsync(
                summaries, complaints, q.Page, q.PageSize, options.Value.ListCountLimit, cancellationToken, planOnce: FiltersOnlyByEquality(q))
            : await PagedList<ComplaintSummaryDto>.CreateLookingAheadAsync(summaries, q.Page, q.PageSize, options.Value.SearchCountLimit, cancellationToken);
        return user.ReadsPublicOnly() ? page.Select(c => c.ForPublic()) : page;
    }

    /// <summary>
    /// No ranges (dates, the service-level clocks): filters whose plan is the same whatever their values (a queue by
    /// status, department, assignee or customer), so the statement need not be planned each time. Asked only of a list
    /// without search text (a search is planned each time: <see cref="ComplaintFilters"/>).
    /// </summary>
    private static bool FiltersOnlyByEquality(ListComplaintsQuery q) =>
        q.ReceivedFrom is null && q.ReceivedTo is null && q.CreatedFrom is null && q.CreatedTo is null && q.Sla is null;
}
