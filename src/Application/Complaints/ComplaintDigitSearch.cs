using System.Text.RegularExpressions;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// Searching for a number (an order, a waybill, a phone, a complaint's own number) through the index of the digit
/// 4-grams of each complaint's number, title and description (<c>complaint_digit_grams</c>): every run of four or more
/// ASCII digits in the text contributes each of its 4-digit windows. Any text that contains the search text contains
/// every 4-digit window of its digit runs, so the condition only narrows the rows the substring match (<c>LIKE</c>, kept
/// beside it) looks at: the matches are the same, found in about a millisecond instead of ranging over the trigram
/// indexes, where digits share a few hundred trigrams between a million complaints.
/// </summary>
public static partial class ComplaintDigitSearch
{
    /// <summary>
    /// The 4-digit windows of the search text's runs of four or more ASCII digits, distinct and space-separated (what
    /// <c>complaint_has_digit_grams</c> reads), or null when it has none (the trigram indexes alone then serve it). A
    /// parameter of a statement planned for its values each time (<c>QueryTags.PlanEachTime</c>), so that PostgreSQL
    /// plans it for these grams (how rare they are). They are computed here, not by <c>digit_grams</c> in the statement:
    /// PostgreSQL evaluating that SQL function while planning cost ~7 ms a search, 20 times the rest of its planning.
    /// </summary>
    public static string? Grams(string text)
    {
        var grams = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in DigitRun().Matches(text).Select(m => m.Value))
        {
            for (var i = 0; i + 4 <= run.Length; i++) grams.Add(run.Substring(i, 4));
        }

        return grams.Count == 0 ? null : string.Join(' ', grams);
    }

    /// <summary>
    /// Whether the complaint's number, title and description hold every one of <paramref name="grams"/>:
    /// <c>complaint_has_digit_grams(...)</c>, an SQL function PostgreSQL inlines so that the GIN index on
    /// <c>complaint_digit_grams(number, title, description)</c> answers it. Only translated to SQL.
    /// </summary>
    public static bool Contains(string number, string title, string description, string grams) =>
        throw new InvalidOperationException($"{nameof(ComplaintDigitSearch)}.{nameof(Contains)} runs in the database only.");

    [GeneratedRegex("[0-9]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
