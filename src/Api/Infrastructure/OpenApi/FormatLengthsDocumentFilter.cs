using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Gives every string of a fixed-size format its length, wherever it appears (schemas, parameters, headers): a UUID is
/// 36 characters, a date 10, and a date-time at most 33 (<c>2026-11-23T08:30:00.1234567+08:00</c>, the longest the API
/// writes and the most precise it reads).
/// </summary>
public sealed class FormatLengthsDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["uuid"] = 36,
        ["date"] = 10,
        ["date-time"] = 33,
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Visit(schema, seen);
        }

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Visit(parameter.Schema, seen);
            }

            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                Visit(media.Schema, seen);
            }

            foreach (var media in (operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values ?? []))
            {
                Visit(media.Schema, seen);
            }
        }
    }

    private static void Visit(IOpenApiSchema? candidate, HashSet<OpenApiSchema> seen)
    {
        // References are visited where they are defined (the components).
        if (candidate is not OpenApiSchema schema || !seen.Add(schema))
        {
            return;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && schema.MaxLength is null && schema.Format is { } format
            && Lengths.TryGetValue(format, out var length))
        {
            schema.MaxLength = length;
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []))
        {
            Visit(child, seen);
        }

        Visit(schema.Items, seen);
        Visit(schema.AdditionalProperties, seen);
    }
}
