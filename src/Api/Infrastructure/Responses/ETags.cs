using System.Globalization;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CustomerCare.Api.Infrastructure.Responses;

/// <summary>Strong ETags from row versions (<c>"42"</c>) and the If-Match requests carry.</summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext context, uint version) => context.Response.Headers.ETag = Format(version);

    /// <summary>200 with the resource, its version as the ETag.</summary>
    public static Ok<T> Ok<T>(HttpContext context, T resource)
        where T : IVersioned
    {
        Set(context, resource.Version);
        return TypedResults.Ok(resource);
    }

    /// <summary>
    /// The version If-Match requires, or null when the request carries none (or <c>*</c>). An If-Match that names
    /// no version of ours can never match: 412.
    /// </summary>
    public static uint? ExpectedVersion(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count != 1)
        {
            throw new PreconditionFailedException();
        }

        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return null;
        }

        var value = tag.Tag.AsSpan().Trim('"');
        return uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new PreconditionFailedException();
    }
}
