using Microsoft.Net.Http.Headers;

namespace CustomerCare.Api.Infrastructure.Security;

/// <summary>
/// What browsers are told: security headers on every response, a CORS allow-list of front-end origins
/// (<c>CustomerCare:Cors:AllowedOrigins</c>), and outside Development HTTPS redirection and HSTS.
/// </summary>
public static class WebSecurity
{
    public const string CorsOriginsKey = "CustomerCare:Cors:AllowedOrigins";

    /// <summary>Request headers a front-end may send cross-origin.</summary>
    private static readonly string[] AllowedHeaders =
        [HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept, HeaderNames.AcceptLanguage, HeaderNames.IfMatch,
            HeaderNames.IfNoneMatch, "Idempotency-Key"];

    /// <summary>Response headers a front-end may read cross-origin.</summary>
    private static readonly string[] ExposedHeaders =
        [
            HeaderNames.ETag, HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.ContentDisposition, Limits.IdempotencyMiddleware.ReplayedHeader,
            Limits.CallerRateLimitMiddleware.LimitHeader, Limits.CallerRateLimitMiddleware.RemainingHeader, Limits.CallerRateLimitMiddleware.ResetHeader,
            Limits.CallerRateLimitMiddleware.PolicyHeader,
        ];

    // API responses are data, never a page: nothing may load, frame or run from them. Swagger UI and the dashboard are
    // pages and load their own scripts and styles (the dashboard sets a stricter policy of its own).
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Probes of load balancers and orchestrators call the health endpoints over plain HTTP inside the network.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerUiPolicy : ApiPolicy;
                }

                if (!headers.ContainsKey(HeaderNames.CacheControl))
                {
                    // Responses carry personal data: no shared or browser cache keeps them (ETags still allow a conditional GET).
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCors();
        return app;
    }

    /// <summary>The configured origins, each an absolute http(s) origin without path; a wildcard is refused.</summary>
    internal static string[] AllowedOrigins(IConfiguration configuration)
    {
        var configured = configuration.GetSection(CorsOriginsKey).Get<string[]>() ?? [];
        return configured.Where(o => !string.IsNullOrWhiteSpace(o)).Select(origin =>
        {
            if (!Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo) || origin.Contains('*', StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{CorsOriginsKey} holds '{origin}': each entry must be an origin such as https://care.example.com (scheme, host, optional port; no path, no wildcard).");
            }

            return uri.GetLeftPart(UriPartial.Authority);
        }).ToArray();
    }
}
