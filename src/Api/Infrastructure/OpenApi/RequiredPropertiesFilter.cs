using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares which properties a body must carry and which may be null, derived from the C# types, never by hand:
/// <list type="bullet">
/// <item>A <b>response</b> always carries every property (the API serializes nulls too), so all are <c>required</c>;
/// <c>nullable</c> follows the property's declared nullability (nullable reference types and <c>T?</c>).</item>
/// <item>A <b>request</b> must send a property declared as a non-nullable reference type, a C# <c>required</c> member,
/// or one its validator refuses when it is missing (a non-nullable value type left out is its default: optional) (<c>NotNull</c>/<c>NotEmpty</c>, the way a required number or
/// date is declared <c>T?</c> so that its absence is a 400 naming it rather than a default). Such a property is not
/// <c>nullable</c> either: null is refused like absence.</item>
/// </list>
/// Whether a schema is a request or a response is decided by where the document uses it; a schema used in both takes
/// the request's rule (what a client must send is also always there in what it reads back).
/// </summary>
public sealed class RequiredPropertiesFilter(IServiceScopeFactory scopes) : ISchemaFilter, IDocumentFilter
{
    private static readonly ConditionalWeakTable<OpenApiSchema, Facts> Known = [];

    private sealed record Facts(IReadOnlyList<string> Carried, IReadOnlyList<string> MustSend);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties
            || context.Type.IsPrimitive || context.Type == typeof(string))
        {
            return;
        }

        var members = JsonMembers(context.Type);
        var refusedWhenMissing = RefusedWhenMissing(context.Type);
        var nullability = new NullabilityInfoContext();
        var carried = new List<string>();
        var mustSend = new List<string>();
        foreach (var (name, property) in properties.ToList())
        {
            if (!members.TryGetValue(name, out var member))
            {
                continue;
            }

            var mayBeNull = MayBeNull(member, nullability);
            carried.Add(name);
            // a value type left out is its default (false, 0), not a refusal: only a reference type's non-nullability means "send it"
            if ((!mayBeNull && !member.PropertyType.IsValueType) || member.GetCustomAttribute<RequiredMemberAttribute>() is not null
                || refusedWhenMissing.Contains(member.Name))
            {
                mustSend.Add(name);
                mayBeNull = false;
            }

            properties[name] = WithNullable(property, mayBeNull, member.PropertyType);
        }

        Known.AddOrUpdate(concrete, new Facts(carried, mustSend));
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var requests = new HashSet<string>(StringComparer.Ordinal);
        var responses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                Reach(media.Schema, schemas, requests);
            }

            foreach (var media in (operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values ?? []))
            {
                Reach(media.Schema, schemas, responses);
            }
        }

        foreach (var (name, schema) in schemas)
        {
            if (schema is not OpenApiSchema concrete || !Known.TryGetValue(concrete, out var facts))
            {
                continue;
            }

            var required = requests.Contains(name) ? facts.MustSend : responses.Contains(name) ? facts.Carried : facts.MustSend;
            concrete.Required = required.Count == 0 ? null : new HashSet<string>(required, StringComparer.Ordinal);
        }
    }

    /// <summary>The names of the properties whose validator refuses a null: what must be sent although its type allows null.</summary>
    private HashSet<string> RefusedWhenMissing(Type type)
    {
        using var scope = scopes.CreateScope();
        var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>();
        return validators
            .SelectMany(v => v.CreateDescriptor().Rules)
            .Where(rule => rule.PropertyName is not null && !rule.HasCondition && !rule.HasAsyncCondition && !IsForEach(rule)
                && rule.Components.Any(c => c.Validator is INotNullValidator or INotEmptyValidator && !c.HasCondition && !c.HasAsyncCondition))
            .Select(rule => rule.PropertyName!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A <c>RuleForEach</c>: its NotEmpty is about the items, not the list.</summary>
    private static bool IsForEach(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static Dictionary<string, PropertyInfo> JsonMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .GroupBy(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static bool MayBeNull(PropertyInfo member, NullabilityInfoContext nullability) =>
        member.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(member.PropertyType) is not null
            : nullability.Create(member).ReadState != NullabilityState.NotNull;

    private static IOpenApiSchema WithNullable(IOpenApiSchema property, bool nullable, Type type)
    {
        switch (property)
        {
            case OpenApiSchema { Type: { } declared } concrete:
                concrete.Type = nullable ? declared | JsonSchemaType.Null : declared & ~JsonSchemaType.Null;
                return concrete;
            case OpenApiSchemaReference reference when nullable:
                // OpenAPI 3.0 ignores keywords beside a $ref, and "nullable" needs a "type" beside it: a nullable object
                // or enum is "an object (a string) or null, one of the referenced schema" (oneOf, not allOf: NSwag reads
                // allOf as a derived class; both it and @hey-api/openapi-ts read this as a nullable reference).
                var referenced = (Nullable.GetUnderlyingType(type) ?? type).IsEnum ? JsonSchemaType.String : JsonSchemaType.Object;
                return new OpenApiSchema { Type = referenced | JsonSchemaType.Null, OneOf = [reference] };
            default:
                return property;
        }
    }

    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> reached)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference when reference.Reference.Id is { } id:
                if (reached.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    Reach(target, schemas, reached);
                }

                return;
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []))
        {
            Reach(child, schemas, reached);
        }

        Reach(schema.Items, schemas, reached);
        Reach(schema.AdditionalProperties, schemas, reached);
    }
}
