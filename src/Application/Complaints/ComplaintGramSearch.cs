using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// Searching for a number (an order, a waybill, a phone, a complaint's own number) or a Chinese (Japanese, Korean) word
/// of two characters through the index of the search grams of each complaint's number, title and description
/// (<c>complaint_search_grams</c>): every run of four or more ASCII digits contributes each of its 4-digit windows, every
/// run of two or more CJK characters each of its 2-character windows. Any text that contains the search text contains
/// every gram of the search text's runs, so the condition only narrows the rows the substring test (kept beside it)
/// looks at: the matches are the same. Digits share a few hundred trigrams between a million complaints, and a
/// two-character word (宽带, 退款), the commonest Chinese search, has no trigram at all: without the bigrams PostgreSQL
/// read the complaints newest first until fifty matched, 5 s with a million for a word a few dozen of them hold.
/// </summary>
public static partial class ComplaintGramSearch
{
    /// <summary>
    /// The grams a search sends, distinct and space-separated (what <c>complaint_has_search_grams</c> reads), or null when
    /// the trigram indexes serve it better: a text with a run of four or more digits sends their 4-grams; else a text
    /// with no word of three letters or more (nothing a trigram index can use) sends the bigrams of its CJK runs. A
    /// Chinese phrase of three characters or more stays with the trigram indexes: its bigrams nearly always come together,
    /// so PostgreSQL, taking them for independent, expected a handful of rows and sorted thousands (220 ms against 40 for
    /// a phrase in 1 % of a million complaints). A parameter of a statement planned for its values each time
    /// (<c>QueryTags.PlanEachTime</c>), so that PostgreSQL plans it for these grams (how rare they are). They are computed
    /// here, not by the database's grams function in the statement: PostgreSQL evaluating an SQL function while planning cost
    /// ~7 ms a search, 20 times the rest of its planning.
    /// </summary>
    public static string? Grams(string text)
    {
        var grams = Of(DigitRun(), text, 4);
        if (grams.Count == 0 && !Trigrams().IsMatch(text))
        {
            grams = Of(CjkRun(), text, 2);
        }

        return grams.Count == 0 ? null : string.Join(' ', grams);
    }

    /// <summary>
    /// Whether no character of <paramref name="text"/> has case: letters without case (CJK, kana, hangul: other letters),
    /// decimal digits, punctuation, white space and ASCII's other characters. No character lowers to one of these, nor
    /// do they lower to anything else (in .NET's tables as in PostgreSQL's <c>lower</c> under any locale), so a text
    /// contains such a text exactly when its lower case does. Letters with case, and symbols (Ⓐ lowers to ⓐ), are not.
    /// </summary>
    public static bool IsCaseless(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var caseless = rune.IsAscii
                ? !Rune.IsLetter(rune)
                : Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                    or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                    or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                    or UnicodeCategory.OtherPunctuation;
            if (!caseless)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every gram the index holds of a text (<c>complaint_search_grams</c>): those a search sends are some of them.</summary>
    public static IReadOnlySet<string> Indexed(string text)
    {
        var grams = Of(DigitRun(), text, 4);
        grams.UnionWith(Of(CjkRun(), text, 2));
        return grams;
    }

    private static SortedSet<string> Of(Regex runs, string text, int size)
    {
        var grams = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in runs.Matches(text).Select(m => m.Value))
        {
            for (var i = 0; i + size <= run.Length; i++) grams.Add(run.Substring(i, size));
        }

        return grams;
    }

    /// <summary>
    /// Whether the complaint's number, title and description hold every one of <paramref name="grams"/>:
    /// <c>complaint_has_search_grams(...)</c>, an SQL function PostgreSQL inlines so that the GIN index on
    /// <c>complaint_search_grams(number, title, description)</c> answers it. Only translated to SQL.
    /// </summary>
    public static bool Contains(string number, string title, string description, string grams) =>
        throw new InvalidOperationException($"{nameof(ComplaintGramSearch)}.{nameof(Contains)} runs in the database only.");

    [GeneratedRegex("[0-9]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    /// <summary>
    /// A run of CJK characters (kana, the unified ideographs and their extension A, hangul syllables): with the digits,
    /// the classes of the pattern of <c>complaint_search_grams</c> in the database. All in the Basic Multilingual Plane, so a
    /// character is one UTF-16 unit here and one code point there.
    /// </summary>
    [GeneratedRegex("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex CjkRun();

    /// <summary>Three letters or digits in a row: what a trigram index makes a trigram of.</summary>
    [GeneratedRegex("[\\p{L}\\p{N}]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex Trigrams();
}
