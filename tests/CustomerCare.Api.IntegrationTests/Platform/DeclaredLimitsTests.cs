using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The limits the contract declares on what callers send (maxLength, maximum, maxItems) are the ones the API enforces:
/// for every JSON request body (starting from its example) and every query or path parameter, one value just past a
/// declared limit is answered 400 naming that field.
/// </summary>
public sealed class DeclaredLimitsTests : AdminIntegrationTest
{
    [Test]
    public async Task EveryDeclaredLimit_OnBodiesAndParameters_IsEnforced()
    {
        var document = JsonNode.Parse(await Admin.GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var cases = new List<(string Method, string Url, JsonNode? Body, string Field)>();
        var withoutExample = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var security = operation!["security"]?.AsArray().Select(s => s!.AsObject().First().Key).ToList() ?? [];
                if (security.Count > 0 && !security.Contains("Bearer"))
                {
                    continue; // partner-only: covered by the partner tests of each feature
                }

                var url = FillPath(path, operation["parameters"]?.AsArray(), schemas);
                var bodySchema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
                var example = bodySchema?["example"];
                if (bodySchema is not null && example is null)
                {
                    withoutExample.Add($"{method.ToUpperInvariant()} {path}");
                    continue;
                }

                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    var schema = Resolve(parameter!["schema"], schemas);
                    var name = parameter["name"]!.GetValue<string>();
                    if (Overflow(schema) is not { } value || parameter["in"]!.GetValue<string>() is not ("query" or "path"))
                    {
                        continue;
                    }

                    var target = parameter["in"]!.GetValue<string>() == "path"
                        ? FillPath(path.Replace("{" + name + "}", Uri.EscapeDataString(value.ToString()), StringComparison.Ordinal), operation["parameters"]!.AsArray(), schemas)
                        : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{name}={Uri.EscapeDataString(value.ToString())}";
                    cases.Add((method, target, example?.DeepClone(), name));
                }

                if (bodySchema is not null && example is not null)
                {
                    foreach (var (field, body) in Overflows(bodySchema, example, schemas))
                    {
                        cases.Add((method, url, body, field));
                    }
                }
            }
        }

        var failures = new List<string>();
        foreach (var (method, url, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await Admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var named = response.StatusCode == HttpStatusCode.BadRequest
                && JsonNode.Parse(text)?["errors"]?.AsObject().Any(e => LastSegment(e.Key).Equals(field, StringComparison.OrdinalIgnoreCase)) == true;
            if (!named)
            {
                failures.Add($"{method.ToUpperInvariant()} {url[..Math.Min(url.Length, 120)]} past the limit of '{field}': {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            }
        }

        TestContext.Out.WriteLine($"{cases.Count} values just past a declared limit sent");
        Assert.Multiple(() =>
        {
            Assert.That(cases, Has.Count.GreaterThan(100));
            Assert.That(withoutExample, Is.Empty, "every JSON request body has an example (OpenApiExamples) to start from");
            Assert.That(failures, Is.Empty);
        });
    }

    /// <summary>
    /// <c>required</c> in each request schema says exactly what the validators refuse when it is left out: for every JSON
    /// request body (starting from its example, which the API accepts as far as validation goes) each property is removed
    /// in turn, nested objects' and list items' properties included; a required one is answered 400 naming it, any other
    /// is not refused for its absence.
    /// </summary>
    [Test]
    public async Task EveryRequiredProperty_IsRefusedWhenLeftOut_AndNoOtherIs()
    {
        var document = JsonNode.Parse(await Admin.GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var cases = new List<(string Method, string Url, JsonNode Body, string Field, bool Required)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var security = operation!["security"]?.AsArray().Select(s => s!.AsObject().First().Key).ToList() ?? [];
                var bodySchema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
                if ((security.Count > 0 && !security.Contains("Bearer")) || bodySchema?["example"] is not JsonObject example)
                {
                    continue; // partner-only operations are covered by the partner tests; every body has an example (above)
                }

                var url = FillPath(path, operation["parameters"]?.AsArray(), schemas);
                foreach (var (field, required, body) in Omissions(bodySchema, example, schemas))
                {
                    cases.Add((method, url, body, field, required));
                }
            }
        }

        var failures = new List<string>();
        foreach (var (method, url, body, field, required) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await Admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var errors = response.StatusCode == HttpStatusCode.BadRequest ? JsonNode.Parse(text)?["errors"]?.AsObject() : null;
            var named = errors?.Any(e => LastSegment(e.Key).Equals(field, StringComparison.OrdinalIgnoreCase)) == true;
            if (named && !required && ConditionallyRequired.ContainsKey(field))
            {
                continue;
            }

            if (named != required)
            {
                failures.Add($"{method.ToUpperInvariant()} {url} without '{field}' ({(required ? "required" : "optional")} in the contract): " +
                    $"{(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            }
        }

        TestContext.Out.WriteLine($"{cases.Count} bodies sent, each with one property left out");
        Assert.Multiple(() =>
        {
            Assert.That(cases.Count(c => c.Required), Is.GreaterThan(50));
            Assert.That(failures, Is.Empty);
        });
    }

    /// <summary>
    /// Properties required only together with, or instead of, another value (the example sends that value): OpenAPI 3.0
    /// cannot say "required when", so the contract marks them optional and their validators name them when the
    /// condition holds.
    /// </summary>
    private static readonly Dictionary<string, string> ConditionallyRequired = new(StringComparer.Ordinal)
    {
        ["customer"] = "a complaint names its customer by customerId or by customer (one of the two)",
        ["phone"] = "a customer found or created by contact details needs a phone number or an e-mail address",
        ["recourseOffered"] = "when the customer rejects the solution",
        ["compensationCurrency"] = "when a compensation amount is given",
        ["improvementActionId"] = "when a suggestion is accepted",
        ["segment"] = "a campaign names a segment or a list of customers (one of the two)",
        ["subject"] = "a notification template for e-mail has a subject (those of other channels have none)",
    };

    /// <summary>The example with one property at a time removed (nested objects and the first list item's included).</summary>
    private static IEnumerable<(string Field, bool Required, JsonNode Body)> Omissions(JsonNode schema, JsonObject example, JsonObject schemas)
    {
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            if (!example.ContainsKey(name))
            {
                continue;
            }

            var copy = example.DeepClone().AsObject();
            copy.Remove(name);
            yield return (name, required.Contains(name), copy);

            var property = Resolve(propertySchema, schemas)!;
            if (example[name] is JsonObject nestedExample)
            {
                foreach (var (field, nestedRequired, nested) in Omissions(property, nestedExample, schemas))
                {
                    yield return (field, nestedRequired, With(example, name, nested));
                }
            }
            else if (example[name] is JsonArray { Count: > 0 } list && list[0] is JsonObject first && property["items"] is { } items)
            {
                foreach (var (field, nestedRequired, nested) in Omissions(Resolve(items, schemas)!, first, schemas))
                {
                    yield return (field, nestedRequired, With(example, name, new JsonArray(nested)));
                }
            }
        }
    }

    /// <summary>The example with one field at a time just past its limit, nested objects and list items included.</summary>
    private static IEnumerable<(string Field, JsonNode Body)> Overflows(JsonNode schema, JsonNode example, JsonObject schemas)
    {
        foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            var property = Resolve(propertySchema, schemas)!;
            var current = example[name];
            if (Overflow(property) is { } value)
            {
                yield return (name, With(example, name, value));
            }
            else if (property["maxItems"] is { } maxItems && property["items"] is { } itemSchema)
            {
                var items = Resolve(itemSchema, schemas)!;
                var item = current is JsonArray { Count: > 0 } list ? list[0]!.DeepClone() : Sample(items);
                var longer = new JsonArray(Enumerable.Range(0, maxItems.GetValue<int>() + 1)
                    .Select(_ => items["format"]?.GetValue<string>() == "uuid" ? JsonValue.Create(Guid.NewGuid()) : item?.DeepClone()).ToArray());
                yield return (name, With(example, name, longer));
            }

            if (property["items"] is { } listItems && current is JsonArray { Count: > 0 } array)
            {
                var items = Resolve(listItems, schemas)!;
                if (Overflow(items) is { } itemValue)
                {
                    yield return (name, With(example, name, new JsonArray(itemValue)));
                }
                else if (array[0] is JsonObject first)
                {
                    foreach (var (field, nested) in Overflows(items, first, schemas))
                    {
                        yield return (field, With(example, name, new JsonArray(nested)));
                    }
                }
            }
            else if (current is JsonObject nestedExample)
            {
                foreach (var (field, nested) in Overflows(property, nestedExample, schemas))
                {
                    yield return (field, With(example, name, nested));
                }
            }
        }
    }

    /// <summary>A value just past the schema's maxLength or maximum (not for formats, which parsing bounds).</summary>
    private static JsonNode? Overflow(JsonNode? schema) =>
        schema is null || schema["format"] is JsonValue { } format && format.GetValue<string>() is "uuid" or "date" or "date-time"
            ? null
            : schema["maxLength"] is { } maxLength ? JsonValue.Create(new string('x', maxLength.GetValue<int>() + 1))
            : schema["maximum"] is { } maximum && maximum.GetValue<long>() < int.MaxValue ? JsonValue.Create(maximum.GetValue<long>() + 1)
            : null;

    private static JsonNode? Sample(JsonNode items) =>
        items["enum"] is JsonArray { Count: > 0 } values ? values[0]!.DeepClone() : JsonValue.Create("x");

    private static JsonNode With(JsonNode example, string name, JsonNode? value)
    {
        var copy = example.DeepClone();
        copy[name] = value;
        return copy;
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject schemas)
    {
        while (schema?["$ref"] is { } reference)
        {
            schema = schemas[reference.GetValue<string>().Split('/').Last()];
        }

        return (schema?["allOf"] ?? schema?["oneOf"]) is JsonArray { Count: 1 } only ? Resolve(only[0], schemas) : schema;
    }

    /// <summary>The path with a value for each parameter: a new id, the first value an enum allows, the least number allowed, else a word.</summary>
    private static string FillPath(string path, JsonArray? parameters, JsonObject schemas)
    {
        foreach (var parameter in parameters ?? [])
        {
            if (parameter!["in"]!.GetValue<string>() == "path")
            {
                var schema = Resolve(parameter["schema"], schemas);
                var value = schema?["format"]?.GetValue<string>() == "uuid" ? Guid.NewGuid().ToString()
                    : schema?["enum"] is JsonArray { Count: > 0 } allowed ? allowed[0]!.GetValue<string>()
                    : schema?["type"]?.GetValue<string>() == "integer" ? (schema["minimum"]?.GetValue<int>() ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : "unknown";
                path = path.Replace("{" + parameter["name"]!.GetValue<string>() + "}", value, StringComparison.Ordinal);
            }
        }

        return path;
    }

    private static string LastSegment(string key)
    {
        var last = key.Split('.').Last();
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }
}
