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
    /// Whether agents may assign and transfer complaints themselves. Off as the texts have it (部门负责人应在2小时内指派):
    /// only supervisors of the responsible department, managers and administrators do; a handler may hand a complaint
    /// back to the department's queue with a reason.
    /// </summary>
    public bool AgentsMayAssign { get; set; }

    /// <summary>Categories the operator adds (or re-routes): category code → code of the department it routes to.</summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every category with the department code it routes to: the defaults, then the operator's.</summary>
    public IReadOnlyDictionary<string, string> Routing
    {
        get
        {
            var routing = new Dictionary<string, string>(ComplaintCategories.DefaultRouting, StringComparer.Ordinal);
            foreach (var (category, department) in Categories)
            {
                routing[category] = department;
            }

            return routing;
        }
    }
}
