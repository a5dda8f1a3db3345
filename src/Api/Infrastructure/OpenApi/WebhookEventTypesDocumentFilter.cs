using System.Text.Json.Nodes;
using CustomerCare.Domain.Webhooks;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// The webhook event types are a closed set (<see cref="WebhookEventTypes.All"/>): one enum schema, <c>WebhookEventType</c>,
/// referenced wherever a webhook schema names event types (a subscription's <c>eventTypes</c>, a delivery's
/// <c>eventType</c>), so that a generated client offers the values and a typo fails to compile rather than with a 400.
/// </summary>
public sealed class WebhookEventTypesDocumentFilter : IDocumentFilter
{
    public const string SchemaName = "WebhookEventType";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MaxLength = WebhookEventTypes.MaxLength,
            Description = "What happened to a complaint. A partner's subscription may ask only for the types public timeline entries produce: " +
                string.Join(", ", WebhookEventTypes.Public.Select(t => $"`{t}`")) + "; staff subscriptions may ask for every type.",
            Enum = WebhookEventTypes.All.Select(t => (JsonNode)JsonValue.Create(t)).ToList(),
        };

        foreach (var (name, schema) in schemas)
        {
            if (!name.Contains("Webhook", StringComparison.Ordinal) || schema is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }

            var reference = new OpenApiSchemaReference(SchemaName, document);
            if (properties.TryGetValue("eventTypes", out var list) && list is OpenApiSchema { Items: OpenApiSchema } array)
            {
                array.Items = reference;
            }

            if (properties.TryGetValue("eventType", out var single) && single is OpenApiSchema { Type: { } type } && !type.HasFlag(JsonSchemaType.Null))
            {
                properties["eventType"] = reference;
            }
        }
    }
}
