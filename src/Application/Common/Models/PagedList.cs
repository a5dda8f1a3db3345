using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Common.Models;

/// <summary>
/// One page of a list, with what a client needs to page through the rest. Where counting every match would cost more
/// than the page itself, the count stops at a limit: <see cref="TotalCountIsExact"/> is then false and
/// <see cref="TotalCount"/> is a lower bound ("1,000 or more").
/// </summary>
public sealed record PagedList<T>(
    [property: MaxLength(Paging.MaxPageSize)] IReadOnlyList<T> Items,
    [property: Range(1, Paging.MaxPage)] int Page,
    [property: Range(1, Paging.MaxPageSize)] int PageSize,
    [property: Range(0, int.MaxValue)] int TotalCount)
{
    public bool TotalCountIsExact { get; init; } = true;

    [Range(0, int.MaxValue)]
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    /// <summary>The same page with each item mapped (for DTOs built in memory from loaded rows).</summary>
    public PagedList<TOut> Select<TOut>(Func<T, TOut> map) =>
        new(Items.Select(map).ToList(), Page, PageSize, TotalCount) { TotalCountIsExact = TotalCountIsExact };

    /// <param name="countLimit">Count at most this many matches (or as many as the requested page reaches); null counts all.</param>
    /// <remarks>
    /// The page is read first: a page with fewer items than its size is the last one, so its position gives the exact
    /// count and no second query runs (a search matching a handful of complaints costs one query). Only a full page, or
    /// an empty page past the first, is followed by a count.
    /// </remarks>
    public static async Task<PagedList<T>> CreateAsync(IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken, int? countLimit = null)
    {
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return await CountedByPositionAsync(items, page, pageSize, countLimit,
            cap => countLimit is null ? query.CountAsync(cancellationToken) : query.Take(cap).CountAsync(cancellationToken));
    }

    /// <summary>
    /// The page <paramref name="items"/> read, counted as <see cref="CreateAsync"/> counts: by its position when it is
    /// not full, else by <paramref name="count"/>: the matches up to the cap it is given (all of them when
    /// <paramref name="countLimit"/> is null).
    /// </summary>
    public static async Task<PagedList<T>> CountedByPositionAsync(List<T> items, int page, int pageSize, int? countLimit, Func<int, Task<int>> count)
    {
        var skipped = (page - 1) * pageSize;
        if (items.Count < pageSize && (items.Count > 0 || page == 1))
        {
            return new PagedList<T>(items, page, pageSize, skipped + items.Count);
        }

        var cap = countLimit is { } limit ? CountCap(page, pageSize, limit) : int.MaxValue;
        var counted = await count(cap);
        var exact = countLimit is null || counted < cap;
        return new PagedList<T>(items, page, pageSize, exact ? counted : cap - 1) { TotalCountIsExact = exact };
    }

    /// <summary>
    /// Like <see cref="CreateAsync"/>, but the page is read with one item more than its size (<see cref="LookedAheadAsync"/>):
    /// a full page then needs no count up to <paramref name="countLimit"/> when the limit is no further than the page reaches.
    /// </summary>
    public static async Task<PagedList<T>> CreateLookingAheadAsync(IQueryable<T> query, int page, int pageSize, int countLimit, CancellationToken cancellationToken)
    {
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        return await LookedAheadAsync(items, page, pageSize, countLimit, cap => query.Take(cap).CountAsync(cancellationToken));
    }

    /// <summary>
    /// The page <paramref name="items"/> read with one item more than its size, counted: a page with no item beyond it
    /// is the last, and its position gives the exact count; an item beyond it, when <paramref name="countLimit"/> is no
    /// further than the page reaches, says that more follow (totalCount as far as the page reaches, not exact). Only
    /// a higher limit, or an empty page past the first, sends <paramref name="count"/>.
    /// </summary>
    public static async Task<PagedList<T>> LookedAheadAsync(List<T> items, int page, int pageSize, int countLimit, Func<int, Task<int>> count)
    {
        var skipped = (page - 1) * pageSize;
        if (items.Count <= pageSize)
        {
            return items.Count > 0 || page == 1
                ? new PagedList<T>(items, page, pageSize, skipped + items.Count)
                : await CountedByPositionAsync(items, page, pageSize, countLimit, count);
        }

        items.RemoveRange(pageSize, items.Count - pageSize);
        var cap = CountCap(page, pageSize, countLimit);
        var counted = cap <= skipped + pageSize + 1 ? cap : await count(cap);
        var exact = counted < cap;
        return new PagedList<T>(items, page, pageSize, exact ? counted : cap - 1) { TotalCountIsExact = exact };
    }

    /// <summary>
    /// Like <see cref="CreateAsync"/>, but the page and its count (up to <paramref name="countLimit"/>, or as far as the
    /// requested page reaches) come from one statement: for lists whose pages are usually full, such as a department's
    /// queue, where <see cref="CreateAsync"/> would nearly always send the count as a second query. PostgreSQL runs the
    /// count once for the statement (an uncorrelated subquery), however many rows the page has.
    /// </summary>
    /// <param name="planOnce">
    /// The query's filters are equalities whose best plan does not depend on their values: the first page (the one a
    /// queue shows) is planned once per connection (<see cref="QueryTags.PlanOnce"/>). Its limits stay parameters: a
    /// constant (<c>EF.Constant</c>) would make EF Core generate the statement's SQL again on every execution, under a
    /// lock that every concurrent execution of the statement shares.
    /// </param>
    public static Task<PagedList<T>> CreateCountedAsync(
        IQueryable<T> query, int page, int pageSize, int countLimit, CancellationToken cancellationToken, bool planOnce = false) =>
        CreateCountedAsync(query, query, page, pageSize, countLimit, cancellationToken, planOnce);

    /// <summary>
    /// <see cref="CreateCountedAsync(IQueryable{T}, int, int, int, CancellationToken, bool)"/> counting
    /// <paramref name="matches"/>: the same rows before their projection, so the count's part of the expression tree,
    /// which EF Core walks on every execution, is not the projection a second time.
    /// </summary>
    public static async Task<PagedList<T>> CreateCountedAsync<TSource>(
        IQueryable<T> query, IQueryable<TSource> matches, int page, int pageSize, int countLimit, CancellationToken cancellationToken, bool planOnce = false)
    {
        var skipped = (page - 1) * pageSize;
        var cap = CountCap(page, pageSize, countLimit);
        // The first page has no offset at all: one statement for it (the one a queue shows), one for every later page.
        var pageQuery = skipped == 0 ? query.Take(pageSize) : query.Skip(skipped).Take(pageSize);
        var rowsQuery = pageQuery.Select(item => new Counted<T>(item, matches.Take(cap).Count()));
        if (planOnce && skipped == 0)
        {
            rowsQuery = rowsQuery.TagWith(QueryTags.PlanOnce);
        }

        var rows = await rowsQuery.ToListAsync(cancellationToken);
        // No row carries the count: an empty first page has none to count, a page past the end counts on its own.
        return rows.Count == 0 ? await CreateAsync(query, page, pageSize, cancellationToken, countLimit) : FromCounted(rows, page, pageSize, cap);
    }

    /// <summary>How far a counted page counts: the limit, or as far as the page reaches, and one more to tell "more than that".</summary>
    public static int CountCap(int page, int pageSize, int countLimit) => (int)Math.Min(Math.Max(countLimit, (long)page * pageSize) + 1, int.MaxValue);

    /// <summary>A page whose rows each carry the count of matches (up to <paramref name="cap"/>); at least one row.</summary>
    public static PagedList<T> FromCounted(List<Counted<T>> rows, int page, int pageSize, int cap)
    {
        var counted = rows[0].Total;
        var exact = counted < cap;
        return new PagedList<T>(rows.ConvertAll(r => r.Item), page, pageSize, exact ? counted : cap - 1) { TotalCountIsExact = exact };
    }
}

/// <summary>A row of a page with the count of all the page's matches, read in the same statement.</summary>
public sealed record Counted<T>(T Item, int Total);

/// <summary>Paging limits every list query shares.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 200;
    public const int MaxPage = 1_000_000;
}
