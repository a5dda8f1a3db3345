using System.Text.RegularExpressions;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// Searching for a number (an order, a waybill, a phone, a complaint's own number) or a Chinese (Japanese, Korean) phrase
/// through the index of the search grams of each complaint's number, title and description (<c>complaint_search_grams</c>):
/// every run of four or more ASCII digits contributes each of its 4-digit windows, every run of two or more CJK characters
/// each of its 2-character windows. Any text that contains the search text contains every gram of the search text's runs,
/// so the condition only narrows the rows the substring test (kept beside it) looks at: the matches are the same. Digits
/// share a few hundred trigrams between a million complaints, and a two-character word (宽带, 退款), the commonest Chinese
/// search, has no trigram at all: through the trigram indexes it was a scan of every complaint (5 s with a million).
/// </summary>
public static partial class ComplaintGramSearch
{
    /// <summary>
    /// The grams of the search text's runs, distinct and space-separated (what <c>complaint_has_search_grams</c> reads),
    /// or null when it has none (the trigram indexes alone then serve it). A parameter of a statement planned for its
    /// values each time (<c>QueryTags.PlanEachTime</c>), so that PostgreSQL plans it for these grams (how rare they are).
    /// They are computed here, not by <c>search_grams</c> in the statement: PostgreSQL evaluating that SQL function while
    /// planning cost ~7 ms a search, 20 times the rest of its planning.
    /// </summary>
    public static string? Grams(string text)
    {
        var grams = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in Run().Matches(text).Select(m => m.Value))
        {
            var size = char.IsAsciiDigit(run[0]) ? 4 : 2;
            for (var i = 0; i + size <= run.Length; i++) grams.Add(run.Substring(i, size));
        }

        return grams.Count == 0 ? null : string.Join(' ', grams);
    }

    /// <summary>
    /// Whether the complaint's number, title and description hold every one of <paramref name="grams"/>:
    /// <c>complaint_has_search_grams(...)</c>, an SQL function PostgreSQL inlines so that the GIN index on
    /// <c>complaint_search_grams(number, title, description)</c> answers it. Only translated to SQL.
    /// </summary>
    public static bool Contains(string number, string title, string description, string grams) =>
        throw new InvalidOperationException($"{nameof(ComplaintGramSearch)}.{nameof(Contains)} runs in the database only.");

    /// <summary>
    /// A run of ASCII digits or of CJK characters (kana, the unified ideographs and their extension A, hangul syllables):
    /// the same class as the pattern of <c>search_grams</c> in the database. All in the Basic Multilingual Plane, so a
    /// character is one UTF-16 unit here and one code point there.
    /// </summary>
    [GeneratedRegex("[0-9]{4,}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Run();
}
