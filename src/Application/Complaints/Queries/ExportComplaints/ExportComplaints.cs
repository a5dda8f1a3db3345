using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.ListComplaints;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.ExportComplaints;

/// <summary>
/// A page of the complaint ledger (投诉台账): the complaints the list's filters find, oldest first, each with its clocks;
/// the page after (<see cref="AfterReceivedAt"/>, <see cref="AfterId"/>), so that an export of any size goes page by page
/// (keyset, never an offset) and holds one page in memory. For staff: partners have the list.
/// </summary>
public sealed record ExportComplaintsQuery(ListComplaintsQuery Filter, DateTimeOffset? AfterReceivedAt, Guid? AfterId, int Size)
    : IQuery<IReadOnlyList<ComplaintLedgerRow>>, IReportQuery
{
    public const int MaxSize = 1000;
}

/// <summary>One complaint of the ledger. Department and assignee are names; compensation what the resolution granted.</summary>
public sealed record ComplaintLedgerRow(
    Guid Id, string Number, DateTimeOffset ReceivedAt, ComplaintStatus Status, Channel Channel, string? Category, Severity Severity,
    ImpactScope Scope, string? Product, string? Location, string Title, string? Department, string? Assignee, int EscalationLevel,
    bool KeyCustomer, int RepeatCount, int ReopenCount, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, int? Satisfaction, decimal? CompensationAmount,
    string? CompensationCurrency, IReadOnlyList<LedgerClockDto> Clocks);

/// <summary>A milestone's clock as the ledger shows it: due, met, and its state at the time of the export.</summary>
public sealed record LedgerClockDto(SlaMilestone Milestone, DateTimeOffset DueAt, DateTimeOffset? MetAt, SlaState State);

public sealed class ExportComplaintsQueryHandler(IReportDatabase reports, ICurrentUser user, TimeProvider time)
    : IQueryHandler<ExportComplaintsQuery, IReadOnlyList<ComplaintLedgerRow>>
{
    public async ValueTask<IReadOnlyList<ComplaintLedgerRow>> Handle(ExportComplaintsQuery query, CancellationToken cancellationToken)
    {
        if (user.ReadsPublicOnly())
        {
            throw new ForbiddenException("The complaint ledger is for staff; partners page through the list.");
        }

        // On the read replica when one is configured and caught up: an export of the whole ledger is a report.
        return await reports.ReadAsync(db => PageAsync(db, query, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<ComplaintLedgerRow>> PageAsync(IApplicationDbContext db, ExportComplaintsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var complaints = ComplaintFilters.Apply((await db.VisibleAsync(user, cancellationToken)).AsNoTracking(), query.Filter, now);
        if (query.AfterReceivedAt is { } after && query.AfterId is { } afterId)
        {
            complaints = complaints.Where(c => c.ReceivedAt > after || (c.ReceivedAt == after && c.Id.CompareTo(afterId) > 0));
        }

        var page = await complaints.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).Take(query.Size)
            .Select(c => new
            {
                c.Id, c.Number, c.ReceivedAt, c.Status, c.Channel, c.Category, c.Severity, c.Scope, c.Product, c.Location, c.Title,
                Department = db.Departments.Where(d => d.Id == c.ResponsibleDepartmentId).Select(d => d.Name).FirstOrDefault(),
                Assignee = db.Staff.Where(s => s.Id == c.AssigneeId).Select(s => s.Name).FirstOrDefault(),
                c.EscalationLevel, c.KeyCustomer, c.RepeatCount, c.ReopenCount,
                ResolvedAt = c.Resolution == null ? (DateTimeOffset?)null : c.Resolution.ResolvedAt,
                ClosedAt = c.Closing == null ? (DateTimeOffset?)null : c.Closing.ClosedAt,
                Satisfaction = c.Closing == null ? null : c.Closing.Satisfaction,
                CompensationAmount = c.Resolution == null ? null : c.Resolution.CompensationAmount,
                CompensationCurrency = c.Resolution == null ? null : c.Resolution.CompensationCurrency,
                Clocks = c.SlaClocks.OrderBy(k => k.Milestone).ToList(),
            })
            .ToListAsync(cancellationToken);
        return page.Select(c => new ComplaintLedgerRow(
            c.Id, c.Number, c.ReceivedAt, c.Status, c.Channel, c.Category, c.Severity, c.Scope, c.Product, c.Location, c.Title, c.Department, c.Assignee,
            c.EscalationLevel, c.KeyCustomer, c.RepeatCount, c.ReopenCount, c.ResolvedAt, c.ClosedAt, c.Satisfaction, c.CompensationAmount, c.CompensationCurrency,
            c.Clocks.Select(k => new LedgerClockDto(k.Milestone, k.DueAt, k.MetAt, k.StateAt(now))).ToList())).ToList();
    }
}
