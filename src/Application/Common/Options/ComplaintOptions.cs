using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Common.Options;

/// <summary>Complaint handling settings, under <c>CustomerCare:Complaints</c>.</summary>
public sealed class ComplaintOptions
{
    public const string SectionName = "CustomerCare:Complaints";

    /// <summary>A complaint of the same customer in the same category within this window counts as a repeat.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The complaint list counts its matches up to this many (or as far as the requested page reaches); beyond, its
    /// totalCount is a lower bound and totalCountIsExact false. Counting a busy queue in full costs more than its page.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int ListCountLimit { get; set; } = 1000;

    /// <summary>
    /// A search (<c>q</c>) counts its matches up to this many, or as far as the requested page reaches. 0, the default:
    /// only that far. The page is read with one match more than it shows, so a search is one statement: its count
    /// tells whether more follow (totalCountIsExact false) without walking on to them. Counting a phrase that a tenth
    /// of a million complaints hold up to 1,000 examines some 10,000 of them, twenty times what the page costs.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)]
    public int SearchCountLimit { get; set; }

    /// <summary>
    /// Whether agents may assign and transfer complaints themselves. Off as the texts have it (部门负责人应在2小时内指派):
    /// only supervisors of the responsible department, managers and administrators do; a handler may hand a complaint
    /// back to the department's queue with a reason.
    /// </summary>
    public bool AgentsMayAssign { get; set; }

    /// <summary>
    /// How many complaints the CSV ledger (<c>GET /complaints</c> with <c>Accept: text/csv</c>) reads from the database at a
    /// time: the memory an export holds, whatever its size.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int LedgerPageSize { get; set; } = 500;

    /// <summary>
    /// Categories an operator configured before categories were data (category code → department code): imported once,
    /// with the defaults, when the first start after the upgrade finds no category stored. Administrators manage
    /// categories through <c>/api/v1/categories</c> since.
    /// </summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.Ordinal);
}
