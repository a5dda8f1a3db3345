using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Common.Extensions;

/// <summary>
/// What every code list (complaint categories, causes, customer grades) does the same way, written once: list (the
/// active terms unless asked for all; <c>search</c> finds text in the code or either name), read one, create or replace
/// one by its code (If-Match optional), and delete one nothing uses. Each use case keeps what is its own: its input, the
/// aggregate's verbs, and what counts as "in use".
/// </summary>
public static class CodeListExtensions
{
    public static async Task<IReadOnlyList<TDto>> ListTermsAsync<TTerm, TDto>(
        this IQueryable<TTerm> terms, bool includeInactive, string? search, IMapper mapper, CancellationToken ct)
        where TTerm : ClassificationTerm =>
        await terms.AsNoTracking().Where(t => includeInactive || t.IsActive)
            .Where(t => search == null || t.Code.ToLower().Contains(search.ToLower()) || t.NameEn.ToLower().Contains(search.ToLower())
                || t.NameZhCn.Contains(search))
            .OrderBy(t => t.Code)
            .ProjectTo<TDto>(mapper.ConfigurationProvider).ToListAsync(ct);

    /// <summary>The term with this code, or a 404 naming <paramref name="what"/>.</summary>
    public static async Task<TDto> GetTermAsync<TTerm, TDto>(this IQueryable<TTerm> terms, string code, LocalizableText what, IMapper mapper, CancellationToken ct)
        where TTerm : ClassificationTerm =>
        await terms.AsNoTracking().Where(t => t.Code == code).ProjectTo<TDto>(mapper.ConfigurationProvider).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException(what, code);

    /// <summary>
    /// Creates the term with <paramref name="create"/> when none has the code (an If-Match then is a 412: there is nothing
    /// it could match), else checks the If-Match and changes it with <paramref name="update"/>; saves.
    /// </summary>
    public static async Task<TTerm> PutTermAsync<TTerm>(
        this IApplicationDbContext db, DbSet<TTerm> terms, string code, uint? expectedVersion, Func<TTerm> create, Action<TTerm> update, CancellationToken ct)
        where TTerm : ClassificationTerm
    {
        var term = await terms.SingleOrDefaultAsync(t => t.Code == code, ct);
        if (term is null)
        {
            if (expectedVersion is not null)
            {
                throw new PreconditionFailedException();
            }

            terms.Add(create());
        }
        else
        {
            db.ExpectVersion(term, expectedVersion);
            update(term);
        }

        await db.SaveChangesAsync(ct);
        return term ?? terms.Local.Single(t => t.Code == code);
    }

    /// <summary>
    /// Deletes the term with this code (404 naming <paramref name="what"/> when none has it; If-Match optional) once
    /// <paramref name="ensureUnused"/> has let it go (it throws the 409 that says how much uses it).
    /// </summary>
    public static async Task DeleteTermAsync<TTerm>(
        this IApplicationDbContext db, DbSet<TTerm> terms, string code, uint? expectedVersion, LocalizableText what,
        Func<TTerm, CancellationToken, Task> ensureUnused, CancellationToken ct)
        where TTerm : ClassificationTerm
    {
        var term = await terms.SingleOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundException(what, code);
        db.ExpectVersion(term, expectedVersion);
        await ensureUnused(term, ct);
        terms.Remove(term);
        await db.SaveChangesAsync(ct);
    }
}
