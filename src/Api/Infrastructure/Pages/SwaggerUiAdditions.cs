using System.Reflection;

namespace CustomerCare.Api.Infrastructure.Pages;

/// <summary>
/// What Swagger UI gets beyond Swashbuckle's page: a script (embedded from <c>SwaggerUi/</c>) that keeps the
/// authorization entered for the browser session, so that a reload does not sign the user out.
/// </summary>
public static class SwaggerUiAdditions
{
    public const string SessionScriptPath = "/swagger/customercare/session-authorization.js";

    private static readonly Lazy<byte[]> SessionScript = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("swagger-ui/session-authorization.js")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static IEndpointRouteBuilder MapSwaggerUiAdditions(this IEndpointRouteBuilder app)
    {
        app.MapGet(SessionScriptPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Bytes(SessionScript.Value, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
