using System.Reflection;
using CustomerCare.Application.Common.Models;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>Writes <see cref="ItemLimitsAttribute"/> into the property's schema: dictionary size, list sizes, string item lengths.</summary>
public sealed class ItemLimitsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && context.MemberInfo?.GetCustomAttribute<ItemLimitsAttribute>() is { } limits)
        {
            Limit(concrete, limits);
        }
    }

    private static void Limit(OpenApiSchema schema, ItemLimitsAttribute limits)
    {
        if (schema.Type is not { } type)
        {
            return;
        }

        if (type.HasFlag(JsonSchemaType.Object) && schema.AdditionalProperties is OpenApiSchema values)
        {
            if (limits.MaxProperties > 0)
            {
                schema.MaxProperties = limits.MaxProperties;
            }

            Limit(values, limits);
        }
        else if (type.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema items)
        {
            if (limits.MaxItems > 0)
            {
                schema.MaxItems ??= limits.MaxItems;
            }

            Limit(items, limits);
        }
        else if (type.HasFlag(JsonSchemaType.String) && limits.ItemMaxLength > 0)
        {
            schema.MaxLength ??= limits.ItemMaxLength;
        }
    }
}
