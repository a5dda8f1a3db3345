using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Common.Extensions;

/// <summary>The shapes every list and get handler repeats: optional filters, one row by id as its DTO.</summary>
public static class QueryableExtensions
{
    /// <summary>Filters by <paramref name="value"/> when the caller gave one; the value goes to SQL as a parameter.</summary>
    public static IQueryable<T> FilterBy<T, TValue>(this IQueryable<T> source, TValue? value, Func<TValue, Expression<Func<T, bool>>> predicate)
        where TValue : struct =>
        value is { } given ? source.Where(predicate(given)) : source;

    /// <summary>
    /// The entity with <paramref name="id"/>, projected to <typeparamref name="TDto"/> (with the profile's
    /// <paramref name="parameters"/>, such as <c>new { now }</c>); a 404 naming <paramref name="resource"/> otherwise.
    /// </summary>
    public static async Task<TDto> SingleDtoAsync<TEntity, TDto>(
        this IQueryable<TEntity> source, Guid id, IMapper mapper, string resource, CancellationToken cancellationToken, object? parameters = null)
        where TEntity : Entity =>
        await source.AsNoTracking().Where(e => e.Id == id)
            .ProjectTo<TDto>(mapper.ConfigurationProvider, parameters)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(resource, id);
}
