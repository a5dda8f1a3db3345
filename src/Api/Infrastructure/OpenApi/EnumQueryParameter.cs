using System.Text.Json;
using CustomerCare.Application.Common.Exceptions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Marks a string query parameter that takes one of <see cref="EnumType"/>'s values as written in JSON
/// (camelCase, any case accepted). Minimal APIs bind enums case-sensitively by their C# names; this keeps the
/// query the same as the JSON bodies, and the OpenAPI document still shows the enum.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EnumQueryAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}

public static class EnumQuery
{
    public static TEnum? Parse<TEnum>(string? value, string parameter)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!value.All(char.IsLetter) || !Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));
            throw new ValidationException(parameter, $"Use one of: {allowed}.");
        }

        return parsed;
    }
}

/// <summary>Documents <see cref="EnumQueryAttribute"/> parameters with the enum's schema.</summary>
public sealed class EnumQueryParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var attribute = context.ParameterInfo?.GetCustomAttributes(typeof(EnumQueryAttribute), false).OfType<EnumQueryAttribute>().FirstOrDefault();
        if (attribute is not null && parameter is OpenApiParameter concrete)
        {
            concrete.Schema = context.SchemaGenerator.GenerateSchema(attribute.EnumType, context.SchemaRepository);
        }

        // A closed set of strings that is no enum of ours (languages such as zh-CN): [AllowedValues] lists it.
        if (context.ParameterInfo?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.AllowedValuesAttribute), false)
                .OfType<System.ComponentModel.DataAnnotations.AllowedValuesAttribute>().FirstOrDefault() is { } values
            && parameter is OpenApiParameter withValues)
        {
            var strings = values.Values.OfType<string>().ToList();
            withValues.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MaxLength = strings.Max(v => v.Length),
                Enum = strings.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!).ToList(),
            };
        }
    }
}
