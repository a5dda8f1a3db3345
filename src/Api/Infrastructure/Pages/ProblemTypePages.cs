using System.Net;
using System.Text;
using CustomerCare.Api.Infrastructure.Errors;
using CustomerCare.Application.Common.Localization;

namespace CustomerCare.Api.Infrastructure.Pages;

/// <summary>
/// The pages the problem <c>type</c> URIs name (<c>/problems/{kind}</c>): what the kind means, its status, and what to do.
/// A person following a <c>type</c> from a response lands here; <c>/problems/</c> lists every kind.
/// </summary>
public static class ProblemTypePages
{
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapProblemTypePages(this IEndpointRouteBuilder app)
    {
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(ProblemTypes.BasePath + "{kind?}", read, Serve).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static IResult Serve(HttpContext http, string? kind)
    {
        IReadOnlyList<ProblemTypes.Kind> kinds = string.IsNullOrEmpty(kind) ? ProblemTypes.All
            : ProblemTypes.Named(kind) is { } one ? [one]
            : [];
        if (kinds.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: Texts.Say($"No problem type is called '{kind}'; {ProblemTypes.BasePath} lists them."));
        }

        var html = new StringBuilder("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>CustomerCare problem types</title>")
            .Append("<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>")
            .Append("<h1>CustomerCare API: problem types</h1><p>Errors are RFC 9457 problem details (<code>application/problem+json</code>). ")
            .Append("Tell kinds apart by <code>type</code>; <code>title</code> and <code>detail</code> are for people and follow Accept-Language.</p>");
        foreach (var k in kinds)
        {
            html.Append("<section id=\"").Append(k.Name).Append("\"><h2><code>").Append(WebUtility.HtmlEncode(k.Uri)).Append("</code> — ")
                .Append(k.Status).Append(' ').Append(WebUtility.HtmlEncode(k.Title)).Append("</h2><p>")
                .Append(WebUtility.HtmlEncode(k.Description)).Append("</p><p>Schema in the contract: <code>").Append(k.Schema).Append("</code></p></section>");
        }

        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
