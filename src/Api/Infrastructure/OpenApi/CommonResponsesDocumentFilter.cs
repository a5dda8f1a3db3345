using CustomerCare.Api.Infrastructure.Errors;
using CustomerCare.Api.Infrastructure.Limits;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents what every operation can answer besides its own results: the rate-limit headers on each 2xx and 4xx
/// response (<see cref="CallerRateLimitMiddleware"/>), 429 when the limit is reached, 503 when the database cannot
/// be reached or does not answer in time, and 500 for a fault of the API itself. The shared headers and responses
/// are components, referenced from each operation. Every response also names the CORS header a browser needs.
/// </summary>
public sealed class CommonResponsesDocumentFilter : IDocumentFilter
{
    private const string TooManyRequests = "TooManyRequests";
    private const string ServiceUnavailable = "ServiceUnavailable";
    private const string ServerError = "ServerError";
    private const string RetryAfter = "Retry-After";
    private const string AllowOrigin = "Access-Control-Allow-Origin";
    private const string ContentLanguage = "Content-Language";

    private static readonly (string Name, string Description)[] RateLimitHeaders =
    [
        (CallerRateLimitMiddleware.LimitHeader, "Requests you may make per window (per partner, staff member, or client address without credentials)."),
        (CallerRateLimitMiddleware.RemainingHeader, "Requests left in the current window."),
        (CallerRateLimitMiddleware.ResetHeader, "Seconds until the current window ends and the count starts again."),
        (CallerRateLimitMiddleware.PolicyHeader, "The limit and the window in seconds, e.g. `300;w=60`."),
    ];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description) in RateLimitHeaders)
        {
            document.Components.Headers[name] = new OpenApiHeader
            {
                Description = description,
                Schema = name == CallerRateLimitMiddleware.PolicyHeader
                    ? new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 32, Pattern = "^[0-9]+;w=[0-9]+$" }
                    : new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
        }

        document.Components.Headers[AllowOrigin] = new OpenApiHeader
        {
            Description = "The request's Origin, when it is one of the front-end origins in CustomerCare:Cors:AllowedOrigins (none by default); absent otherwise.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", MaxLength = 2048 },
        };
        document.Components.Headers[ContentLanguage] = new OpenApiHeader
        {
            Description = "The language of the texts for people (problem titles, validation messages): `zh-CN` when Accept-Language asks for Chinese (zh, zh-CN, zh-Hans), `en` otherwise. Values for machines (enums, problem types, codes) never change with it.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("en"), System.Text.Json.Nodes.JsonValue.Create("zh-CN")], MaxLength = 5 },
        };
        document.Components.Headers[RetryAfter] = new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        document.Components.Responses[TooManyRequests] = Problem(document, ProblemTypes.RateLimited,
            "Too many requests: the rate limit of the caller was reached. Retry after the seconds in Retry-After.", retryAfter: true, rateLimited: true);
        document.Components.Responses[ServiceUnavailable] = Problem(document, ProblemTypes.ServiceUnavailable,
            "The database cannot be reached or did not answer in time, or a read waited too long for its turn among the queries running at once; nothing was changed. Retry after the seconds in Retry-After.", retryAfter: true, rateLimited: false);
        document.Components.Responses[ServerError] = Problem(document, ProblemTypes.ServerError,
            "A fault of the API itself. The problem details carry a traceId to quote; they never carry internals.", retryAfter: false, rateLimited: false);

        foreach (var (path, item) in document.Paths)
        {
            if (!CallerRateLimiter.Applies(new PathString(path)) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Responses ??= [];
                operation.Responses.TryAdd("429", new OpenApiResponseReference(TooManyRequests, document));
                operation.Responses.TryAdd("500", new OpenApiResponseReference(ServerError, document));
                operation.Responses.TryAdd("503", new OpenApiResponseReference(ServiceUnavailable, document));
                foreach (var (status, response) in operation.Responses)
                {
                    if (response is not OpenApiResponse concrete)
                    {
                        continue;
                    }

                    AddHeader(concrete, AllowOrigin, document);
                    AddHeader(concrete, ContentLanguage, document);
                    if (status == "429")
                    {
                        AddHeader(concrete, RetryAfter, document);
                    }

                    if (status.StartsWith('2') || status.StartsWith('4'))
                    {
                        AddRateLimitHeaders(concrete, document);
                    }
                }
            }
        }
    }

    private static OpenApiResponse Problem(OpenApiDocument document, ProblemTypes.Kind kind, string description, bool retryAfter, bool rateLimited)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(kind.Schema, document) },
            },
        };
        AddHeader(response, AllowOrigin, document);
        AddHeader(response, ContentLanguage, document);
        if (retryAfter)
        {
            AddHeader(response, RetryAfter, document);
        }

        if (rateLimited)
        {
            AddRateLimitHeaders(response, document);
        }

        return response;
    }

    private static void AddRateLimitHeaders(OpenApiResponse response, OpenApiDocument document)
    {
        foreach (var (name, _) in RateLimitHeaders)
        {
            AddHeader(response, name, document);
        }
    }

    private static void AddHeader(OpenApiResponse response, string name, OpenApiDocument document)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd(name, new OpenApiHeaderReference(name, document));
    }
}
