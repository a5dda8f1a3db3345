using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Holds every answer the integration tests receive to the contract the API serves: the status is one the operation
/// declares, and a JSON body matches the declared schema — every <c>required</c> property present, <c>null</c> only
/// where <c>nullable</c>, no property the schema does not list, types, enums and items as declared. A mismatch fails
/// the test that made the request, naming the operation and the JSON path. So the ~650 tests prove, request by
/// request, that the contract's <c>required</c> and <c>nullable</c> tell the truth about what responses carry.
/// </summary>
public sealed partial class ContractCheckingHandler(Func<JsonElement> contract) : DelegatingHandler
{
    private static readonly Lock Gate = new();
    private static (JsonElement Document, List<(Regex Path, string Template)> Paths)? _compiled;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // A caller that gave up reads nothing (the test server still hands over the 499 a real client never sees).
        cancellationToken.ThrowIfCancellationRequested();
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return response; // health, Swagger UI, the dashboard: not in the contract
        }

        var (document, paths) = Compiled();
        var template = paths.Where(p => p.Path.IsMatch(path)).Select(p => p.Template).FirstOrDefault();
        if (template is null
            || !document.GetProperty("paths").GetProperty(template).TryGetProperty(request.Method.Method.ToLowerInvariant(), out var operation))
        {
            return response; // an unknown route or method: the API answers 404/405 outside any operation
        }

        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var where = $"{request.Method} {template} → {status}";
        if (!operation.GetProperty("responses").TryGetProperty(status, out var declared))
        {
            throw new ContractViolationException($"{where}: the contract does not declare this status for the operation.");
        }

        declared = Resolve(document, declared);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.EndsWith("json", StringComparison.Ordinal) || response.Content.Headers.ContentLength == 0)
        {
            return response;
        }

        if (!declared.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media))
        {
            throw new ContractViolationException($"{where}: answered {mediaType}, which the contract does not declare for this response.");
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0 || !media.TryGetProperty("schema", out var schema))
        {
            return response;
        }

        using var json = JsonDocument.Parse(body);
        var problems = new List<string>();
        Check(document, schema, json.RootElement, "$", problems);
        if (problems.Count > 0)
        {
            throw new ContractViolationException($"{where}: the body does not match the contract:\n  " + string.Join("\n  ", problems.Take(20)));
        }

        return response;
    }

    private (JsonElement Document, List<(Regex Path, string Template)> Paths) Compiled()
    {
        lock (Gate)
        {
            if (_compiled is null)
            {
                var document = contract();
                var paths = document.GetProperty("paths").EnumerateObject()
                    .Select(p => (Path: new Regex("^" + Parameter().Replace(Regex.Escape(p.Name), "[^/]+") + "$", RegexOptions.CultureInvariant), Template: p.Name))
                    .OrderBy(p => p.Template.Count(c => c == '{')) // a literal segment wins over a parameter
                    .ToList();
                _compiled = (document, paths);
            }

            return _compiled.Value;
        }
    }

    private static JsonElement Resolve(JsonElement document, JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            element = reference.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(document, (node, part) => node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        }

        return element;
    }

    private static void Check(JsonElement document, JsonElement schema, JsonElement value, string at, List<string> problems)
    {
        schema = Resolve(document, schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
            {
                problems.Add($"{at} is null, but the schema is not nullable");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(document, part, value, at, problems);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var options))
            {
                var failures = options.EnumerateArray().Select(o =>
                {
                    var inner = new List<string>();
                    Check(document, o, value, at, inner);
                    return inner;
                }).ToList();
                if (failures.All(f => f.Count > 0))
                {
                    problems.Add($"{at} matches none of {keyword}: {string.Join(" | ", failures.Select(f => f[0]))}");
                }
            }
        }

        if (schema.TryGetProperty("enum", out var allowed) && value.ValueKind == JsonValueKind.String
            && !allowed.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == value.GetString()))
        {
            problems.Add($"{at} is '{value.GetString()}', not one of the enum's values");
        }

        if (!schema.TryGetProperty("type", out var typeElement))
        {
            return;
        }

        var type = typeElement.GetString();
        var matches = type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!matches)
        {
            problems.Add($"{at} is {value.ValueKind}, but the schema says {type}");
            return;
        }

        if (type == "array" && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(document, items, item, $"{at}[{index++}]", problems);
            }
        }

        if (type != "object")
        {
            return;
        }

        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                problems.Add($"{at}.{name} is required, but missing");
            }
        }

        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(document, propertySchema, property.Value, $"{at}.{property.Name}", problems);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(document, additional, property.Value, $"{at}.{property.Name}", problems);
            }
            else if (properties.ValueKind == JsonValueKind.Object && additional.ValueKind != JsonValueKind.True)
            {
                problems.Add($"{at}.{property.Name} is not in the schema");
            }
        }
    }

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex Parameter();
}

public sealed class ContractViolationException(string message) : Exception(message);

/// <summary>The clients the integration tests use: cookies and redirects as the default client has them, and the contract check.</summary>
public static class ContractCheckedClients
{
    public static HttpClient Create(CustomerCareApiFactory factory) =>
        factory.CreateDefaultClient(
            new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(),
            new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(),
            new ContractCheckingHandler(() =>
            {
                using var client = factory.CreateDefaultClient();
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return JsonDocument.Parse(client.GetStringAsync("/swagger/v1/swagger.json").GetAwaiter().GetResult()).RootElement.Clone();
            }));
}
