using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CustomerCare.Api.Infrastructure.Limits;

public static class RequestLimits
{
    /// <summary>Request limits: per-caller rate limits (<see cref="CallerRateLimitMiddleware"/>) and body sizes.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitOptions>().Bind(configuration.GetSection(LimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CallerRateLimiter>();
        return services;
    }

    /// <summary>Rate limits per caller: after authentication (which names the caller), before authorisation.</summary>
    public static IApplicationBuilder UseCallerRateLimits(this IApplicationBuilder app) => app.UseMiddleware<CallerRateLimitMiddleware>();

    /// <summary>
    /// Caps the request body at <see cref="LimitOptions.MaxRequestBodyBytes"/> (or the import limit where the endpoint
    /// says so): a declared length above it is refused at once with 413, a longer stream fails when read (413 too).
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<LimitOptions>>().CurrentValue;
        var metadata = context.GetEndpoint()?.Metadata;
        var limit = metadata?.GetMetadata<AttachmentUploadMetadata>() is not null
            ? context.RequestServices.GetRequiredService<IOptionsMonitor<Application.Common.Options.AttachmentOptions>>().CurrentValue.MaxFileBytes
                + AttachmentUploadMetadata.FormOverheadBytes
            : metadata?.GetMetadata<ImportBodySizeMetadata>() is null
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
