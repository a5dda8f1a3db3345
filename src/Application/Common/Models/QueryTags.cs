namespace CustomerCare.Application.Common.Models;

/// <summary>Tags (<c>TagWith</c>) that ask the infrastructure to treat a statement in a particular way.</summary>
public static class QueryTags
{
    /// <summary>
    /// Plan the statement once per connection and reuse the plan: for statements whose best plan does not depend on the
    /// values of their parameters (equality filters on indexed columns, a constant limit), which PostgreSQL would
    /// otherwise plan again on every execution whenever some values make the plan look cheaper than the reused one
    /// (an empty queue beside full ones).
    /// </summary>
    public const string PlanOnce = "CustomerCare: plan once";
}
