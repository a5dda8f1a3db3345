using System.Diagnostics;
using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.ListComplaints;

/// <summary>
/// The lists asked most often, read by queries EF Core compiled once for each visibility rule: a queue's first page
/// (complaints filtered by equalities only: status, department, assignee, …; newest first) with its count, and a search
/// box's text alone. A list built as LINQ on every request is walked by EF Core on every execution (its captured values
/// evaluated, its tree hashed and compared with the cached ones): a third of what the API allocated per list. Same
/// rules, same statements, same rows as the general path of <see cref="ListComplaintsQueryHandler"/>: a filter left out
/// (null) drops out of the SQL, as EF Core plans a statement for the parameters that are null and those that are not.
/// </summary>
public sealed class CompiledComplaintLists(IConfigurationProvider mapping)
{
    private readonly Func<DbContext, Guid?, ComplaintStatus?, string?, Severity?, Channel?, Guid?, Guid?, int?, bool?, Guid?, Guid?, Guid?, int, int,
        IAsyncEnumerable<Counted<ComplaintSummaryDto>>> _everything = EF.CompileAsyncQuery(Inline(EverythingShape, Projection(mapping)));

    private readonly Func<DbContext, Guid[], Guid?, ComplaintStatus?, string?, Severity?, Channel?, Guid?, Guid?, int?, bool?, Guid?, Guid?, Guid?, int, int,
        IAsyncEnumerable<Counted<ComplaintSummaryDto>>> _restricted = EF.CompileAsyncQuery(Inline(RestrictedShape, Projection(mapping)));

    private readonly Func<DbContext, Guid?, string?, string?, string?, string?, int, int, IAsyncEnumerable<ComplaintSummaryDto>> _searchEverything =
        EF.CompileAsyncQuery(Inline(SearchEverythingShape, Projection(mapping)));

    private readonly Func<DbContext, Guid[], Guid?, string?, string?, string?, string?, int, int, IAsyncEnumerable<ComplaintSummaryDto>> _searchRestricted =
        EF.CompileAsyncQuery(Inline(SearchRestrictedShape, Projection(mapping)));

    private readonly Func<DbContext, Guid?, string, string?, int, int, IAsyncEnumerable<ComplaintSummaryDto>> _wordEverything =
        EF.CompileAsyncQuery(Inline(WordEverythingShape, Projection(mapping)));

    private readonly Func<DbContext, Guid[], Guid?, string, string?, int, int, IAsyncEnumerable<ComplaintSummaryDto>> _wordRestricted =
        EF.CompileAsyncQuery(Inline(WordRestrictedShape, Projection(mapping)));

    private readonly Func<DbContext, Guid?, string?, string?, string?, string?, int, Task<int>> _countEverything =
        EF.CompileAsyncQuery(Inline(CountEverythingShape, Projection(mapping)));

    private readonly Func<DbContext, Guid[], Guid?, string?, string?, string?, string?, int, Task<int>> _countRestricted =
        EF.CompileAsyncQuery(Inline(CountRestrictedShape, Projection(mapping)));

    /// <summary>
    /// The queues <see cref="QueueAsync"/> answers: the first page, equality filters only, the default order. Told by
    /// comparing the query, with what the shapes take reset, with one that asks for nothing: a property added to the
    /// query later sends the lists that use it down the general path until the shapes take it too.
    /// </summary>
    public static bool IsQueue(ListComplaintsQuery q) =>
        string.IsNullOrWhiteSpace(q.Q) && q.Page == 1
        && q with
        {
            Q = null, Status = null, Category = null, Severity = null, Channel = null, DepartmentId = null, AssigneeId = null,
            EscalationLevel = null, KeyCustomer = null, FirstResponderId = null, CustomerId = null, PartnerId = null, PageSize = Plain.PageSize,
        } == Plain;

    /// <summary>The queue's first page for the caller, or null for a caller with no rule here (the general path answers).</summary>
    public async Task<PagedList<ComplaintSummaryDto>?> QueueAsync(
        IApplicationDbContext db, ICurrentUser user, ListComplaintsQuery q, int countLimit, CancellationToken cancellationToken)
    {
        var cap = PagedList<ComplaintSummaryDto>.CountCap(1, q.PageSize, countLimit);
        if (await ViewerAsync(db, user, cancellationToken) is not { } viewer)
        {
            return null;
        }

        var (partner, visibility) = viewer;

        Guid[] departments = [.. visibility.Departments];
        var rows = db.Compiled(context => visibility.Everything
            ? _everything(context, partner, q.Status, q.Category, q.Severity, q.Channel, q.DepartmentId, q.AssigneeId,
                q.EscalationLevel, q.KeyCustomer, q.FirstResponderId, q.CustomerId, q.PartnerId, q.PageSize, cap)
            : _restricted(context, departments, visibility.StaffId, q.Status, q.Category, q.Severity, q.Channel, q.DepartmentId,
                q.AssigneeId, q.EscalationLevel, q.KeyCustomer, q.FirstResponderId, q.CustomerId, q.PartnerId, q.PageSize, cap));
        var page = await ReadAsync(rows, q.PageSize, cancellationToken);
        return page.Count == 0
            ? new PagedList<ComplaintSummaryDto>([], 1, q.PageSize, 0)
            : PagedList<ComplaintSummaryDto>.FromCounted(page, 1, q.PageSize, cap);
    }

    /// <summary>The searches <see cref="SearchAsync"/> answers: a text and nothing else (no filter, no range), the default order.</summary>
    public static bool IsSearch(ListComplaintsQuery q) =>
        !string.IsNullOrWhiteSpace(q.Q) && q with { Q = null, Page = Plain.Page, PageSize = Plain.PageSize } == Plain;

    private static readonly ListComplaintsQuery Plain = new();

    /// <summary>
    /// A page of the search's matches for the caller, with one more to look ahead, counted as
    /// <see cref="PagedList{T}.LookedAheadAsync"/> counts (by its position, or as far as it reaches when more follow; a
    /// second statement only for a count limit beyond the page), or null for a caller with no rule here (the general path answers).
    /// </summary>
    public async Task<PagedList<ComplaintSummaryDto>?> SearchAsync(
        IApplicationDbContext db, ICurrentUser user, ListComplaintsQuery q, int countLimit, CancellationToken cancellationToken)
    {
        if (await ViewerAsync(db, user, cancellationToken) is not { } viewer)
        {
            return null;
        }

        var (partner, visibility) = viewer;

        var terms = SearchTerms.Of(q.Q!);
        var skipped = (q.Page - 1) * q.PageSize;
        Guid[] departments = [.. visibility.Departments];
        // A text that is the word itself needs no substring test: its postings are exactly the complaints that hold it.
        var rows = terms.Word is { } word
            ? db.Compiled(context => visibility.Everything
                ? _wordEverything(context, partner, word, terms.TextBeyond(word), skipped, q.PageSize + 1)
                : _wordRestricted(context, departments, visibility.StaffId, word, terms.TextBeyond(word), skipped, q.PageSize + 1))
            : db.Compiled(context => visibility.Everything
                ? _searchEverything(context, partner, terms.Grams, terms.Text, terms.Pattern, terms.CaselessPattern, skipped, q.PageSize + 1)
                : _searchRestricted(context, departments, visibility.StaffId, terms.Grams, terms.Text, terms.Pattern, terms.CaselessPattern, skipped, q.PageSize + 1));
        var items = await ReadAsync(rows, q.PageSize + 1, cancellationToken);
        return await PagedList<ComplaintSummaryDto>.LookedAheadAsync(items, q.Page, q.PageSize, countLimit,
            cap => db.Compiled(context => visibility.Everything
                ? _countEverything(context, partner, terms.Grams, terms.Text, terms.Pattern, terms.CaselessPattern, cap)
                : _countRestricted(context, departments, visibility.StaffId, terms.Grams, terms.Text, terms.Pattern, terms.CaselessPattern, cap)));
    }

    /// <summary>
    /// Who the caller is to the compiled shapes: a partner (everything it sent) or a staff member with the rule of
    /// <see cref="VisibleComplaints.VisibilityAsync"/>; null for anyone else (the general path answers them: nothing).
    /// </summary>
    private static async Task<(Guid? Partner, ComplaintVisibility Visibility)?> ViewerAsync(
        IApplicationDbContext db, ICurrentUser user, CancellationToken cancellationToken) => user.Kind switch
    {
        CallerKind.Partner => (user.Id, ComplaintVisibility.All),
        CallerKind.Staff => (null, await db.VisibilityAsync(user, cancellationToken)),
        _ => null,
    };

    private static async Task<List<T>> ReadAsync<T>(IAsyncEnumerable<T> rows, int capacity, CancellationToken cancellationToken)
    {
        var list = new List<T>(capacity);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }

    private static readonly Expression<Func<DbContext, Guid?, ComplaintStatus?, string?, Severity?, Channel?, Guid?, Guid?, int?, bool?, Guid?, Guid?, Guid?, int, int,
        IQueryable<Counted<ComplaintSummaryDto>>>> EverythingShape =
        (db, visibleTo, status, category, severity, channel, department, assignee, level, key, responder, customer, partner, take, cap) =>
            Queue(AllOrPartners(db, visibleTo), status, category, severity, channel, department, assignee, level, key, responder, customer, partner)
                .Take(take)
                .Select(c => new Counted<ComplaintSummaryDto>(Summary(c),
                    Queue(AllOrPartners(db, visibleTo), status, category, severity, channel, department, assignee, level, key, responder, customer, partner)
                        .Take(cap).Count()))
                .TagWith(QueryTags.PlanOnce);

    private static readonly Expression<Func<DbContext, Guid[], Guid?, ComplaintStatus?, string?, Severity?, Channel?, Guid?, Guid?, int?, bool?, Guid?, Guid?, Guid?, int, int,
        IQueryable<Counted<ComplaintSummaryDto>>>> RestrictedShape =
        (db, departments, me, status, category, severity, channel, department, assignee, level, key, responder, customer, partner, take, cap) =>
            Queue(StaffSees(db, departments, me), status, category, severity, channel, department, assignee, level, key, responder, customer, partner)
                .Take(take)
                .Select(c => new Counted<ComplaintSummaryDto>(Summary(c),
                    Queue(StaffSees(db, departments, me), status, category, severity, channel, department, assignee, level, key, responder, customer, partner)
                        .Take(cap).Count()))
                .TagWith(QueryTags.PlanOnce);

    private static readonly Expression<Func<DbContext, Guid?, string?, string?, string?, string?, int, int, IQueryable<ComplaintSummaryDto>>> SearchEverythingShape =
        (db, visibleTo, grams, text, pattern, caseless, skip, take) =>
            Search(AllOrPartners(db, visibleTo), grams, text, pattern, caseless)
                .Skip(skip).Take(take).Select(c => Summary(c));

    private static readonly Expression<Func<DbContext, Guid[], Guid?, string?, string?, string?, string?, int, int, IQueryable<ComplaintSummaryDto>>> SearchRestrictedShape =
        (db, departments, me, grams, text, pattern, caseless, skip, take) =>
            Search(StaffSees(db, departments, me), grams, text, pattern, caseless)
                .Skip(skip).Take(take).Select(c => Summary(c));

    private static readonly Expression<Func<DbContext, Guid?, string, string?, int, int, IQueryable<ComplaintSummaryDto>>> WordEverythingShape =
        (db, visibleTo, word, text, skip, take) =>
            Word(db, AllOrPartners(db, visibleTo), word, text).Skip(skip).Take(take).Select(c => Summary(c));

    private static readonly Expression<Func<DbContext, Guid[], Guid?, string, string?, int, int, IQueryable<ComplaintSummaryDto>>> WordRestrictedShape =
        (db, departments, me, word, text, skip, take) =>
            Word(db, StaffSees(db, departments, me), word, text).Skip(skip).Take(take).Select(c => Summary(c));

    private static readonly Expression<Func<DbContext, Guid?, string?, string?, string?, string?, int, int>> CountEverythingShape =
        (db, visibleTo, grams, text, pattern, caseless, cap) =>
            Search(AllOrPartners(db, visibleTo), grams, text, pattern, caseless).Take(cap).Count();

    private static readonly Expression<Func<DbContext, Guid[], Guid?, string?, string?, string?, string?, int, int>> CountRestrictedShape =
        (db, departments, me, grams, text, pattern, caseless, cap) =>
            Search(StaffSees(db, departments, me), grams, text, pattern, caseless).Take(cap).Count();

    // The search of ComplaintFilters.Apply (the terms of SearchTerms: search grams with the substring test, or a LIKE
    // pattern, tested on the columns as they are first for a text without case), planned for its values each time, and
    // the default order.
    private static readonly Expression<Func<IQueryable<Complaint>, string?, string?, string?, string?, IQueryable<Complaint>>> SearchBody =
        (visible, grams, text, pattern, caseless) =>
            visible.AsNoTracking().TagWith(QueryTags.PlanEachTime)
                .Where(c => (grams == null || (ComplaintGramSearch.Contains(c.Number, c.Title, c.Description, grams)
                        && (c.Number.ToLower().IndexOf(text!) >= 0 || c.Title.ToLower().IndexOf(text!) >= 0 || c.Description.ToLower().IndexOf(text!) >= 0)))
                    && (caseless == null || EF.Functions.Like(c.Number, caseless, Like.Escape)
                        || EF.Functions.Like(c.Title, caseless, Like.Escape) || EF.Functions.Like(c.Description, caseless, Like.Escape))
                    && (pattern == null || EF.Functions.Like(c.Number.ToLower(), pattern, Like.Escape)
                        || EF.Functions.Like(c.Title.ToLower(), pattern, Like.Escape) || EF.Functions.Like(c.Description.ToLower(), pattern, Like.Escape)))
                .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id);

    // A two-character CJK word (SearchTerms.Word): its postings newest first, each joined to its complaint where the
    // caller sees it, and the substring test kept as on every gram search when the text holds more than the word (宽带 x:
    // the same matches). A text that is the word alone (text null) has no test: a complaint has a posting of a bigram
    // exactly when its number, title or description holds those two characters (complaint_search_grams joins them with
    // spaces, so no bigram spans two of them), and CJK characters have no case; EF Core leaves the null test out of the SQL, so
    // PostgreSQL does not lower the ~51 texts of the page to find what the postings already say. PostgreSQL walks the
    // postings' primary key (gram, received_at, complaint_id) backwards and stops at the page's end: the page reads as
    // many complaints as it lists (ADR 0028). The postings' order is the complaints' own (received_at, then id). That
    // plan is the best whatever the word, common or rare, so it is made once per connection (QueryTags.PlanOnce):
    // planning it for each word cost PostgreSQL about a third of a common word's search (pgbench, ADR 0028).
    private static readonly Expression<Func<DbContext, IQueryable<Complaint>, string, string?, IQueryable<Complaint>>> WordBody =
        (db, visible, word, text) =>
            (from p in db.Set<ComplaintSearchPosting>().TagWith(QueryTags.PlanOnce)
             join c in visible.AsNoTracking() on p.ComplaintId equals c.Id
             where p.Gram == word
                && (text == null || c.Number.ToLower().IndexOf(text) >= 0 || c.Title.ToLower().IndexOf(text) >= 0 || c.Description.ToLower().IndexOf(text) >= 0)
             orderby p.ReceivedAt descending, p.ComplaintId descending
             select c);

    // Admins and managers see everything; a partner (visibleTo) the complaints it sent.
    private static readonly Expression<Func<DbContext, Guid?, IQueryable<Complaint>>> AllOrPartnersBody =
        (db, visibleTo) => db.Set<Complaint>().Where(v => visibleTo == null || v.PartnerId == visibleTo);

    // Other staff: the rule of VisibleComplaints.VisibleAsync (their departments', the unrouted ones, their own).
    private static readonly Expression<Func<DbContext, Guid[], Guid?, IQueryable<Complaint>>> StaffSeesBody =
        (db, departments, me) => db.Set<Complaint>().Where(v => v.ResponsibleDepartmentId == null
            || departments.Contains(v.ResponsibleDepartmentId.Value) || v.FirstResponderId == me || v.AssigneeId == me);

    // The filters of ComplaintFilters.Apply that are equalities, and the default order.
    private static readonly Expression<Func<IQueryable<Complaint>, ComplaintStatus?, string?, Severity?, Channel?, Guid?, Guid?, int?, bool?, Guid?, Guid?, Guid?,
        IQueryable<Complaint>>> QueueBody =
        (visible, status, category, severity, channel, department, assignee, level, key, responder, customer, partner) =>
            visible.AsNoTracking()
                .Where(c => (status == null || c.Status == status) && (category == null || c.Category == category)
                    && (severity == null || c.Severity == severity) && (channel == null || c.Channel == channel)
                    && (department == null || c.ResponsibleDepartmentId == department) && (assignee == null || c.AssigneeId == assignee)
                    && (level == null || c.EscalationLevel == level) && (key == null || c.KeyCustomer == key)
                    && (responder == null || c.FirstResponderId == responder) && (customer == null || c.CustomerId == customer)
                    && (partner == null || c.PartnerId == partner))
                .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id);

    /// <summary>Stands for <see cref="QueueBody"/> in the shapes until <see cref="Inline"/> puts it there.</summary>
    private static IQueryable<Complaint> Queue(IQueryable<Complaint> visible, ComplaintStatus? status, string? category, Severity? severity, Channel? channel,
        Guid? department, Guid? assignee, int? level, bool? key, Guid? responder, Guid? customer, Guid? partner) =>
        throw new UnreachableException("Inlined before the query is compiled.");

    /// <summary>Stands for <see cref="WordBody"/> in the shapes until <see cref="Inline"/> puts it there.</summary>
    private static IQueryable<Complaint> Word(DbContext db, IQueryable<Complaint> visible, string word, string? text) =>
        throw new UnreachableException("Inlined before the query is compiled.");

    /// <summary>Stands for <see cref="AllOrPartnersBody"/> in the shapes until <see cref="Inline"/> puts it there.</summary>
    private static IQueryable<Complaint> AllOrPartners(DbContext db, Guid? visibleTo) => throw new UnreachableException("Inlined before the query is compiled.");

    /// <summary>Stands for <see cref="StaffSeesBody"/> in the shapes until <see cref="Inline"/> puts it there.</summary>
    private static IQueryable<Complaint> StaffSees(DbContext db, Guid[] departments, Guid? me) => throw new UnreachableException("Inlined before the query is compiled.");

    /// <summary>Stands for <see cref="SearchBody"/> in the shapes until <see cref="Inline"/> puts it there.</summary>
    private static IQueryable<Complaint> Search(IQueryable<Complaint> visible, string? grams, string? text, string? pattern, string? caseless) =>
        throw new UnreachableException("Inlined before the query is compiled.");

    /// <summary>Stands for AutoMapper's projection of a complaint to its summary until <see cref="Inline"/> puts it there.</summary>
    private static ComplaintSummaryDto Summary(Complaint complaint) => throw new UnreachableException("Inlined before the query is compiled.");

    /// <summary>The projection <c>ProjectTo</c> applies (the mapping profile's, with everything it maps), as a lambda.</summary>
    private static LambdaExpression Projection(IConfigurationProvider mapping) =>
        Array.Empty<Complaint>().AsQueryable().ProjectTo<ComplaintSummaryDto>(mapping).Expression is MethodCallExpression { Method.Name: nameof(Queryable.Select) } select
        && select.Arguments[1] is UnaryExpression { Operand: LambdaExpression projection }
            ? projection
            : throw new InvalidOperationException("AutoMapper's projection of a complaint to its summary is no longer a single Select.");

    private static Expression<TDelegate> Inline<TDelegate>(Expression<TDelegate> shape, LambdaExpression summary) =>
        (Expression<TDelegate>)new Inliner(summary).Visit(shape);

    private sealed class Inliner(LambdaExpression summary) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            LambdaExpression? body = node.Method.DeclaringType != typeof(CompiledComplaintLists) ? null : node.Method.Name switch
            {
                nameof(Queue) => QueueBody,
                nameof(Search) => SearchBody,
                nameof(Word) => WordBody,
                nameof(AllOrPartners) => AllOrPartnersBody,
                nameof(StaffSees) => StaffSeesBody,
                nameof(Summary) => summary,
                _ => null,
            };
            if (body is null)
            {
                return base.VisitMethodCall(node);
            }

            var arguments = node.Arguments.Select(Visit).ToList();
            return new Substitution(body.Parameters, arguments!).Visit(body.Body);
        }
    }

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return values[i];
                }
            }

            return node;
        }
    }
}
