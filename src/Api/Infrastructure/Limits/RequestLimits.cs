using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CustomerCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerCare.Api.Infrastructure.Limits;

public static class RequestLimits
{
    /// <summary>
    /// One fixed-window rate limiter per partner, per staff member and per anonymous client address, answering 429
    /// problem details with Retry-After. Counters live in each replica's memory: with N replicas a caller gets up to
    /// N times the limit, which is what a per-replica limiter can promise.
    /// </summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitOptions>().Bind(configuration.GetSection(LimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/swagger"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<LimitOptions>>().CurrentValue;
                var (key, limit) = Partition(context.User, context, limits);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"The request rate limit was reached; retry after {seconds} second(s).",
                    },
                });
            };
        });
        return services;
    }

    private static (string Key, RateLimit Limit) Partition(ClaimsPrincipal user, HttpContext context, LimitOptions limits)
    {
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(CustomerCareClaims.Subject) is { } subject)
        {
            return user.FindFirstValue(CustomerCareClaims.Kind) == CustomerCareClaims.PartnerKind
                ? ($"partner:{subject}", limits.Partner)
                : ($"staff:{subject}", limits.User);
        }

        return ($"address:{context.Connection.RemoteIpAddress}", limits.Anonymous);
    }

    /// <summary>
    /// Caps the request body at <see cref="LimitOptions.MaxRequestBodyBytes"/> (or the import limit where the endpoint
    /// says so): a declared length above it is refused at once with 413, a longer stream fails when read (413 too).
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<LimitOptions>>().CurrentValue;
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<ImportBodySizeMetadata>() is null
            ? limits.MaxRequestBodyBytes
            : limits.MaxImportBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        // Bodies (JSON, NDJSON and CSV imports) are read as UTF-8, as RFC 8259 asks of JSON between systems: a body declared
        // in another character set is refused rather than stored garbled.
        if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            && mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException($"The character set '{mediaType.Charset}' is not supported: send UTF-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        await next(context);
    });
}
