using System.Collections;
using System.Globalization;
using System.Resources;
using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Localization;

/// <summary>
/// Says our texts for people in a language. A <see cref="LocalizableText"/> (the message of a refusal, a 404, a field
/// error) finds its translation in Resources/Messages by its English format; the values in it are written for the
/// language: an enum by its display name (Resources/DisplayNames, the names <c>GET /reference-data</c> lists), a list
/// with the language's separator. English, and any text without a translation, is said as written.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Messages = new("CustomerCare.Application.Resources.Messages", typeof(Texts).Assembly);
    private static readonly ResourceManager Names = new("CustomerCare.Application.Resources.DisplayNames", typeof(Texts).Assembly);

    /// <summary>Each English format, to the name of its resource.</summary>
    private static readonly Lazy<Dictionary<string, string>> NamesByFormat = new(() =>
        Messages.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Value!, e => (string)e.Key, StringComparer.Ordinal));

    /// <summary>The text in the caller's language (the UI culture the API set from Accept-Language).</summary>
    public static string Say(LocalizableText text) => Say(text, CultureInfo.CurrentUICulture);

    public static string Say(LocalizableText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsEnglish(culture))
        {
            return text.ToString();
        }

        return text.Render(
            format => NamesByFormat.Value.TryGetValue(format, out var name) ? Messages.GetString(name, culture) : null,
            (value, format, item) => value switch
            {
                Enum member => DisplayName(member, culture),
                IEnumerable items and not string => string.Join("、", items.Cast<object?>().Select(item)),
                _ => LocalizableText.RenderEnglish(value, format, item),
            });
    }

    /// <summary>Whether the English format has a translation (every text the code says should).</summary>
    public static bool IsKnown(string englishFormat) => NamesByFormat.Value.ContainsKey(englishFormat);

    /// <summary>An enum member's display name in a language; its JSON name when it has none.</summary>
    public static string DisplayName(Enum member, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(member);
        return DisplayName(member.GetType().Name, LocalizableText.CamelCase(member.ToString()), culture);
    }

    /// <summary>The display name of <paramref name="value"/> of a closed set (<c>Category</c>, <c>ComplaintStatus</c>…).</summary>
    public static string DisplayName(string set, string value, CultureInfo culture)
    {
        var key = $"{set}.{value}";
        return Names.GetString(key, culture) ?? value;
    }

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName is "en" or "iv";
}
