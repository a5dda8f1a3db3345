using CustomerCare.Api.Infrastructure.Limits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>Documents the optional Idempotency-Key header, and its 422, on every POST a signed-in caller makes.</summary>
public sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod;
        if (!(HttpMethods.IsPost(method ?? string.Empty) || HttpMethods.IsPatch(method ?? string.Empty))
            || context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes retries safe (IETF draft): the same key with the same request answers the first response again " +
                "(marked `Idempotent-Replayed: true`); with a different request 422; a retry while the first is still running " +
                "waits for its response (409 after 10 s by default). Nothing of a request that failed on the server (5xx) is kept. " +
                "Keys are yours alone and kept 24 hours. A UUID is a good key. A response naming a customer whose personal data was " +
                "erased since is no longer kept: its replay answers 410 (the request is not run again).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
        });
        operation.Responses ??= [];
        operation.Responses.TryAdd("410", new OpenApiResponse
        {
            Description = "A replay of a response that named a customer whose personal data was erased since: it is no longer kept.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        });
        operation.Responses.TryAdd("422", new OpenApiResponse
        {
            Description = "The Idempotency-Key was used before with a different request.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        });
    }
}
