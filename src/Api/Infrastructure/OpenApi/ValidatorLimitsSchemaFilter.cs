using CustomerCare.Application.Common.Validation;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Writes the limits a request body's validator enforces into its schema, so that each limit is declared once (the
/// domain constant, used by the validator): string lengths (<c>maxLength</c>, <c>minLength</c>), ranges
/// (<c>minimum</c>, <c>maximum</c>), list sizes (<c>maxItems</c>) and the lengths of a list's strings.
/// </summary>
public sealed class ValidatorLimitsSchemaFilter(IServiceScopeFactory scopes) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var validatorType = typeof(IValidator<>).MakeGenericType(context.Type);
        var validators = scope.ServiceProvider.GetServices(validatorType).OfType<IValidator>().ToList();
        foreach (var validator in validators)
        {
            var descriptor = validator.CreateDescriptor();
            foreach (var (name, property) in properties)
            {
                if (property is not OpenApiSchema target)
                {
                    continue;
                }

                var member = char.ToUpperInvariant(name[0]) + name[1..];
                foreach (var rule in descriptor.GetRulesForMember(member))
                {
                    var forEach = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
                    var applyTo = forEach ? target.Items as OpenApiSchema : target;
                    if (applyTo is null)
                    {
                        continue;
                    }

                    foreach (var component in rule.Components)
                    {
                        Limit(applyTo, component.Validator);
                    }
                }
            }
        }
    }

    private static void Limit(OpenApiSchema schema, IPropertyValidator validator)
    {
        switch (validator)
        {
            case IMaxItemsValidator items:
                schema.MaxItems = items.Max;
                break;
            case ILengthValidator { Max: > 0 } length:
                schema.MaxLength = length.Max;
                if (length.Min > 0)
                {
                    schema.MinLength = length.Min;
                }

                break;
            case IBetweenValidator between:
                schema.Minimum = Number(between.From) ?? schema.Minimum;
                schema.Maximum = Number(between.To) ?? schema.Maximum;
                break;
            case IComparisonValidator { ValueToCompare: not null } comparison when comparison.Comparison is Comparison.LessThanOrEqual:
                schema.Maximum = Number(comparison.ValueToCompare) ?? schema.Maximum;
                break;
            case IComparisonValidator { ValueToCompare: not null } comparison when comparison.Comparison is Comparison.GreaterThanOrEqual:
                schema.Minimum = Number(comparison.ValueToCompare) ?? schema.Minimum;
                break;
        }
    }

    private static string? Number(object? value) => value is int or long or short or decimal or double or float
        ? ((IFormattable)value).ToString(null, System.Globalization.CultureInfo.InvariantCulture)
        : null; // dates and other comparables are not JSON Schema numbers
}
