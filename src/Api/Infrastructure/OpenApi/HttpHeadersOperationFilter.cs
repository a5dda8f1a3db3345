using CustomerCare.Api.Infrastructure.Limits;
using CustomerCare.Application.Common.Models;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// The headers around the bodies, so that Swagger UI's "Try it out" and generated clients can use them: <c>If-Match</c>
/// on every operation that answers 412 to a stale one (required where a missing one is 428, else optional), <c>ETag</c> on every response whose body is a
/// versioned resource (<see cref="IVersioned"/>: every such response sends it), <c>Location</c> on 201s, and
/// <c>Idempotent-Replayed</c> on the successes of operations that take an Idempotency-Key.
/// </summary>
public sealed class HttpHeadersOperationFilter : IOperationFilter
{
    public const int ETagMaxLength = 64;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var required = operation.Responses.ContainsKey("428");
        if (required || operation.Responses.ContainsKey("412"))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderNames.IfMatch,
                In = ParameterLocation.Header,
                Required = required,
                Description = "The ETag of the resource as you last read it (the `ETag` of its GET or of your last change). " +
                    (required ? "A stale one is answered 412 and changes nothing; a missing one 428."
                        : "Optional: without it the change is made whatever the current version; a stale one is answered 412 and changes nothing."),
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ETagMaxLength },
            });
        }

        var idempotent = operation.Parameters?.Any(p => p.Name == IdempotencyMiddleware.HeaderName) == true;
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete || !status.StartsWith('2'))
            {
                continue;
            }

            var type = context.ApiDescription.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status)?.Type;
            if (type is not null && type.IsAssignableTo(typeof(IVersioned)))
            {
                Add(concrete, HeaderNames.ETag, "The resource's version: send it back in If-Match to change it.",
                    new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ETagMaxLength });
            }

            // A 201 says where the new resource is; a 200 beside a 201 is the existing one answered again (a partner
            // re-sending an external reference), and says where it is too.
            if (status == "201" || (status == "200" && operation.Responses.ContainsKey("201")))
            {
                Add(concrete, HeaderNames.Location, "Where the created resource is read.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 2048 });
            }

            // A 202 that names where to follow the work it accepted (an import job, the deliveries being re-sent).
            if (status == "202" && context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AcceptedLocation>().FirstOrDefault() is { } accepted)
            {
                Add(concrete, HeaderNames.Location, accepted.Description,
                    new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 2048 });
            }

            if (idempotent)
            {
                Add(concrete, IdempotencyMiddleware.ReplayedHeader, "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")], MaxLength = 4 });
            }
        }
    }

    private static void Add(OpenApiResponse response, string name, string description, OpenApiSchema schema)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd(name, new OpenApiHeader { Description = description, Schema = schema });
    }
}

/// <summary>Endpoint metadata: its 202 sends a <c>Location</c> header saying where to follow the accepted work.</summary>
public sealed record AcceptedLocation(string Description);
