using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using CustomerCare.Application.Common.Localization;

namespace CustomerCare.Api.Infrastructure.Pages;

/// <summary>
/// Serves the managers' dashboard (<c>/dashboard</c>) from the files embedded in this assembly: a static page that signs in
/// at the token endpoint and draws the report API's numbers. The page itself needs no sign-in; every number it shows does.
/// </summary>
public static class Dashboard
{
    private const string Prefix = "dashboard/";

    /// <summary>Scripts and styles from this origin only; no inline code, no framing.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Lazy<IReadOnlyDictionary<string, (byte[] Content, string Type, string ETag)>> Files = new(Load);

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/dashboard/{**file}", read, Serve).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static IResult Serve(HttpContext http, string? file)
    {
        if (string.IsNullOrEmpty(file) && !http.Request.Path.Value!.EndsWith('/'))
        {
            // The page's files are addressed relative to /dashboard/.
            return TypedResults.Redirect("/dashboard/" + http.Request.QueryString);
        }

        if (!Files.Value.TryGetValue(string.IsNullOrEmpty(file) ? "index.html" : file, out var found))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: Texts.Say("The dashboard has no such file."));
        }

        var headers = http.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.ETag] = found.ETag;
        if (http.Request.Headers.IfNoneMatch == found.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(found.Content, found.Type);
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var types = new FileExtensionContentTypeProvider();
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var type = types.TryGetContentType(name, out var known) ? known : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal))
            {
                type += "; charset=utf-8";
            }

            files[name[Prefix.Length..]] = (content, type, $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
        }

        return files;
    }
}
