using CustomerCare.Application.Common.Exceptions;

namespace CustomerCare.Api.Infrastructure.Limits;

/// <summary>
/// Refuses a path or query that carries a NUL character (U+0000, sent as <c>%00</c>) with a 400 naming where it was,
/// before anything runs: PostgreSQL cannot store or compare it in text, and a query reaching the database with one
/// would fail there and be logged as a server error with stack traces, for what is a client's mistake.
/// </summary>
public static class NulCharacterGuard
{
    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            throw new ValidationException("path", "The path contains a NUL character (U+0000), which is not allowed.");
        }

        foreach (var (name, values) in context.Request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                throw new ValidationException(name.Replace("\0", string.Empty, StringComparison.Ordinal) is { Length: > 0 } field ? field : "query",
                    "The value contains a NUL character (U+0000), which is not allowed.");
            }
        }

        await next(context);
    });
}
