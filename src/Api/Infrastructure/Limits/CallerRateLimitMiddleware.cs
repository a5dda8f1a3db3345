using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CustomerCare.Api.Infrastructure.Errors;
using CustomerCare.Infrastructure.Diagnostics;
using CustomerCare.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using CustomerCare.Application.Common.Localization;

namespace CustomerCare.Api.Infrastructure.Limits;

/// <summary>
/// One fixed-window rate limit per partner, per staff member and per anonymous client address. Every limited response
/// says where the caller stands (<c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> in seconds,
/// and <c>RateLimit-Policy</c>, as the IETF RateLimit header fields draft names them), and a request over the limit is
/// answered 429 problem details with <c>Retry-After</c>. Counters live in each replica's memory: with N replicas a caller
/// gets up to N times the limit, which is what a per-replica limiter can promise.
/// </summary>
public sealed class CallerRateLimitMiddleware(RequestDelegate next, CallerRateLimiter limiter, IProblemDetailsService problems)
{
    public const string LimitHeader = "RateLimit-Limit";
    public const string RemainingHeader = "RateLimit-Remaining";
    public const string ResetHeader = "RateLimit-Reset";
    public const string PolicyHeader = "RateLimit-Policy";

    public async Task InvokeAsync(HttpContext context, CustomerCareMetrics metrics)
    {
        if (!CallerRateLimiter.Applies(context.Request.Path))
        {
            await next(context);
            return;
        }

        using var lease = limiter.Partitioned.AttemptAcquire(context);
        if (lease is WindowRateLimiter.WindowLease window)
        {
            // Set when the response starts, so that headers cleared by an exception handler still get them.
            context.Response.OnStarting(static state =>
            {
                var (response, window) = ((HttpResponse, WindowRateLimiter.WindowLease))state;
                response.Headers[LimitHeader] = window.Limit.ToString(CultureInfo.InvariantCulture);
                response.Headers[RemainingHeader] = window.Remaining.ToString(CultureInfo.InvariantCulture);
                response.Headers[ResetHeader] = Seconds(window.Reset);
                response.Headers[PolicyHeader] = $"{window.Limit.ToString(CultureInfo.InvariantCulture)};w={Seconds(window.Window)}";
                return Task.CompletedTask;
            }, (context.Response, window));
        }

        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        metrics.RateLimited(CallerRateLimiter.CallerKind(context.User));
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Seconds(retryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Type = ProblemTypes.RateLimited.Uri,
                Status = ProblemTypes.RateLimited.Status,
                Title = ProblemTypes.RateLimited.Title,
                Detail = Texts.Say($"The request rate limit was reached; retry after {seconds} second(s)."),
            },
        });
    }

    /// <summary>Whole seconds, rounded up and at least 1, as Retry-After and RateLimit-Reset want them.</summary>
    private static string Seconds(TimeSpan span) =>
        Math.Max(1, (long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The callers' counters: one <see cref="WindowRateLimiter"/> per partner, staff member or client address.</summary>
public sealed class CallerRateLimiter : IDisposable
{
    public CallerRateLimiter(IOptionsMonitor<LimitOptions> options, TimeProvider time)
    {
        Partitioned = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (key, limit) = Partition(context.User, context, options.CurrentValue);
            return RateLimitPartition.Get(key, _ => new WindowRateLimiter(limit.PermitLimit, limit.Window, time));
        });
    }

    public PartitionedRateLimiter<HttpContext> Partitioned { get; }

    /// <summary>Health probes and the Swagger UI are not limited: everything else is.</summary>
    public static bool Applies(PathString path) => !path.StartsWithSegments("/health") && !path.StartsWithSegments("/swagger");

    public void Dispose() => Partitioned.Dispose();

    /// <summary>Which limit a caller is counted under: partner, user (staff) or anonymous (by address).</summary>
    public static string CallerKind(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(CustomerCareClaims.Subject) is not null
            ? user.FindFirstValue(CustomerCareClaims.Kind) == CustomerCareClaims.PartnerKind ? "partner" : "user"
            : "anonymous";

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
}
