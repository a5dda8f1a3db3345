using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CustomerCare.Domain.Common;

/// <summary>
/// A sentence for people, written in English where it arises (<c>$"Reward points are 0–{max}."</c>) and kept as its
/// composite format (<c>"Reward points are 0–{0}."</c>) with the values apart, so that the API can say it in the
/// caller's language: the format is the key of its translation, and the values are rendered for that language
/// (an enum by its display name, a list with the language's separator). <see cref="ToString"/> is the English text.
/// A plain string converts too: a text without values.
/// </summary>
[InterpolatedStringHandler]
public sealed class LocalizableText
{
    private readonly StringBuilder _format;
    private readonly List<(object? Value, string? Format)> _arguments;
    private string? _english;

    /// <summary>Used by the compiler for an interpolated string.</summary>
    public LocalizableText(int literalLength, int formattedCount)
    {
        _format = new StringBuilder(literalLength + (formattedCount * 3));
        _arguments = new List<(object?, string?)>(formattedCount);
    }

    private LocalizableText(string text)
        : this(text.Length, 0) => AppendLiteral(text);

    /// <summary>The English composite format, the values as <c>{0}</c>, <c>{1}</c>… (without format specifiers).</summary>
    public string Format => _format.ToString();

    /// <summary>The values with the format specifier each was written with (e.g. <c>u</c> for a time).</summary>
    public IReadOnlyList<(object? Value, string? Format)> Arguments => _arguments;

    public static implicit operator LocalizableText(string text) => new(text);

    public void AppendLiteral(string value) =>
        _format.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        _format.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
        _arguments.Add((value, format));
    }

    /// <summary>
    /// The text in a language: <paramref name="translate"/> gives the format in it (or null for the English one), and
    /// <paramref name="render"/> writes a value (called for each value that is not a nested text; nested texts are rendered
    /// the same way).
    /// </summary>
    public string Render(Func<string, string?> translate, Func<object?, string?, Func<object?, string>, string> render)
    {
        ArgumentNullException.ThrowIfNull(translate);
        ArgumentNullException.ThrowIfNull(render);
        var format = Format;
        if (_arguments.Count == 0)
        {
            return Unescape(translate(format) ?? format);
        }

        string Value(object? value) => value is LocalizableText nested ? nested.Render(translate, render) : render(value, null, Value);
        var values = _arguments.Select(a => a.Value is LocalizableText nested ? nested.Render(translate, render) : render(a.Value, a.Format, Value)).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, translate(format) ?? format, values);
    }

    /// <summary>The English text: enums as the API writes them (camelCase), lists joined with ", ", numbers and times invariant.</summary>
    public override string ToString() => _english ??= Render(_ => null, RenderEnglish);

    /// <summary>A value as English writes it; <paramref name="item"/> renders the items of a list.</summary>
    public static string RenderEnglish(object? value, string? format, Func<object?, string> item) => value switch
    {
        null => string.Empty,
        string text => text,
        Enum member => CamelCase(member.ToString()),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(item)),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>An enum member as clients see it in JSON.</summary>
    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Unescape(string format) =>
        format.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
}
