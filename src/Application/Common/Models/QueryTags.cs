namespace CustomerCare.Application.Common.Models;

/// <summary>
/// Tags (<c>TagWith</c>) that tell PostgreSQL how to plan a statement the connections prepare (they prepare what they run
/// again, <c>Max Auto Prepare</c>). Left to itself PostgreSQL plans a prepared statement's first five executions for
/// their values, then keeps reusing one generic plan if its estimated cost is no worse than theirs on average.
/// </summary>
public static class QueryTags
{
    /// <summary>
    /// Plan the statement once per connection and reuse the plan: for statements whose best plan does not depend on the
    /// values of their parameters (equality filters on an index that also gives the order), which PostgreSQL would
    /// otherwise plan again on every execution whenever some values make the plan look cheaper than the reused one
    /// (an empty queue beside full ones).
    /// </summary>
    public const string PlanOnce = "CustomerCare: plan once";

    /// <summary>
    /// Plan the statement for each execution's values, never with a plan made for others: for searches, where how rare
    /// the searched text is decides the plan (a number's grams found in three complaints or in every one; a phrase's
    /// trigrams), and a generic plan, made without knowing it, could walk the whole table for a rare one.
    /// </summary>
    public const string PlanEachTime = "CustomerCare: plan each time";
}
