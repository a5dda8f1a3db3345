using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Application.Common.Serialization;

/// <summary>
/// Reads JSON strings, refusing control characters other than tab and line breaks (a NUL cannot be stored in
/// PostgreSQL text, and none belongs in a name or a description). The refusal is a 400 naming the field.
/// </summary>
public sealed class RejectControlCharacters : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && HasForbidden(value))
        {
            throw new JsonException("Control characters are not allowed in text.");
        }

        return value;
    }

    /// <summary>True when the text holds a control character other than tab and line breaks.</summary>
    public static bool HasForbidden(string value) =>
        value.AsSpan().ContainsAnyExceptInRange(' ', char.MaxValue) && value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
