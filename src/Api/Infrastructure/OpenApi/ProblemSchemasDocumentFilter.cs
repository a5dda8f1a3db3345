using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCare.Api.Infrastructure.Errors;
using CustomerCare.Api.Infrastructure.Limits;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// One schema per kind of problem (<see cref="ProblemTypes"/>), each with its stable <c>type</c> URI as an enum, and every
/// error response of every operation referencing the schema of its status: a generated client gets
/// <c>ValidationProblem.errors</c>, <c>ConflictProblem.code</c>/<c>currentStatus</c>/<c>allowedActions</c> as types.
/// It also declares what any operation with a body can answer (413, 415) and what an idempotent one can (409 while the
/// first request with the key runs, with Retry-After). Runs after the filters that add responses.
/// </summary>
public sealed class ProblemSchemasDocumentFilter : IDocumentFilter
{
    private const string ProblemMediaType = "application/problem+json";
    private static readonly string[] Replaced = ["ProblemDetails", "HttpValidationProblemDetails"];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var group in ProblemTypes.All.GroupBy(k => k.Schema))
        {
            document.Components.Schemas[group.Key] = Schema(group.ToList());
        }

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Responses ??= [];
            if (operation.RequestBody is not null)
            {
                Declare(operation, ProblemTypes.PayloadTooLarge, document);
                Declare(operation, ProblemTypes.UnsupportedMediaType, document);
            }

            if (operation.Parameters?.Any(p => p.Name == IdempotencyMiddleware.HeaderName) == true)
            {
                Declare(operation, ProblemTypes.RequestInProgress, document);
                if (operation.Responses["409"] is OpenApiResponse conflict)
                {
                    conflict.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    conflict.Headers.TryAdd("Retry-After", new OpenApiHeaderReference("Retry-After", document));
                }
            }

            foreach (var (status, response) in operation.Responses)
            {
                if (response is OpenApiResponse concrete && Kind(status) is { } kind)
                {
                    concrete.Content = ProblemContent(kind, document);
                }
            }
        }

        foreach (var name in Replaced)
        {
            document.Components.Schemas.Remove(name);
        }
    }

    private static ProblemTypes.Kind? Kind(string status) =>
        int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 400 ? ProblemTypes.ForStatus(code) : null;

    private static void Declare(OpenApiOperation operation, ProblemTypes.Kind kind, OpenApiDocument document) =>
        operation.Responses!.TryAdd(kind.Status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = kind.Description,
            Content = ProblemContent(kind, document),
        });

    private static Dictionary<string, OpenApiMediaType> ProblemContent(ProblemTypes.Kind kind, OpenApiDocument document) => new()
    {
        [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(kind.Schema, document) },
    };

    private static OpenApiSchema Schema(IReadOnlyList<ProblemTypes.Kind> kinds)
    {
        var schemaName = kinds[0].Schema;
        var text = (JsonSchemaType type, string description) => new OpenApiSchema { Type = type, Description = description };
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "uri-reference",
                MaxLength = 64,
                Description = "The kind of problem: compare this, never the title, to tell kinds apart. A page describing the kind is served at this path.",
                Enum = kinds.Select(k => (JsonNode)JsonValue.Create(k.Uri)!).ToList(),
            },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200, Description = "A short summary of the kind, in the language asked for (Accept-Language)." },
            ["status"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Description = "The HTTP status code.",
                // A range, not an enum: generated clients turn a numeric enum into an enum type that reads no number.
                Minimum = kinds.Min(k => k.Status).ToString(CultureInfo.InvariantCulture),
                Maximum = kinds.Max(k => k.Status).ToString(CultureInfo.InvariantCulture),
            },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 4000, Description = "What happened in this case, for people; absent when the title says all." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 2048, Description = "The path of the request." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128, Description = "Identifies the request in the API's logs: quote it when reporting a problem." },
        };
        var required = new HashSet<string>(["type", "title", "status", "instance", "traceId"], StringComparer.Ordinal);
        if (schemaName == ProblemTypes.Validation.Schema)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "What is wrong, by field: a JSON path into the body (`customer.phone`, `questions[2].text`), a parameter name, or `$` for the request as a whole.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1000 } },
            };
            required.Add("errors");
        }

        if (schemaName == ProblemTypes.StateConflict.Schema)
        {
            properties["code"] = text(JsonSchemaType.String, "The rule that refused the change, stable and machine-readable (e.g. `complaint.invalidTransition`, `concurrent.duplicate`, `idempotency.inProgress`).");
            properties["currentStatus"] = text(JsonSchemaType.String, "The state the resource is in (for a refused state change).");
            properties["attemptedAction"] = text(JsonSchemaType.String, "What was tried (for a refused complaint action).");
            properties["allowedActions"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "What the complaint allows now (for a refused complaint action).",
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            properties["allowedStatuses"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "The statuses the resource may move to now (for refused feedback changes).",
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            properties["complaints"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32",
                Description = "How many complaints use what was to be deleted (a category or cause in use is retired, never deleted).",
            };
            properties["departments"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32",
                Description = "How many departments work by the calendar that was to be deleted.",
            };
            properties["customers"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32",
                Description = "How many customers have the grade that was to be deleted, or match a bulk greeting that would greet too many.",
            };
            properties["grade"] = text(JsonSchemaType.String | JsonSchemaType.Null, "The customer's grade, when a rule needs a key grade (`customer.notKey`; null: no grade).");
            required.Add("code");
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, application/problem+json. " + string.Join(" ", kinds.Select(k => $"`{k.Uri}` ({k.Status}): {k.Description}")),
            Properties = properties,
            Required = required,
            AdditionalPropertiesAllowed = false,
        };
    }
}
