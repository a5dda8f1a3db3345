using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>Customer care after complaints, under <c>CustomerCare:Care</c>.</summary>
public sealed class CareOptions
{
    public const string SectionName = "CustomerCare:Care";

    /// <summary>A follow-up call is due this many days after the day a complaint closes; 0 turns automatic follow-ups off.</summary>
    [Range(0, 365)]
    public int FollowUpAfterDays { get; set; } = 7;

    /// <summary>
    /// A complaint closed with a satisfaction at or below this (1–5) opens a service-recovery call for the supervisor of the
    /// department responsible, due the next working day; 0 turns it off.
    /// </summary>
    [Range(0, 5)]
    public int DissatisfiedAtOrBelow { get; set; } = 2;

    /// <summary>The most greetings one bulk scheduling creates; a larger selection is refused (409) and is to be narrowed.</summary>
    [Range(1, 100_000)]
    public int MaxGreetingsPerBatch { get; set; } = 5000;
}

/// <summary>Reward points granted for feedback, under <c>CustomerCare:Feedback:Rewards</c>.</summary>
public sealed class RewardOptions
{
    public const string SectionName = "CustomerCare:Feedback:Rewards";

    /// <summary>The most points an agent grants with one answer; above it a supervisor, manager or administrator must grant.</summary>
    [Range(0, 100_000)]
    public int AgentMaxPerGrant { get; set; } = 200;

    /// <summary>The most points anyone grants with one answer.</summary>
    [Range(0, 100_000)]
    public int MaxPerGrant { get; set; } = 2_000;

    /// <summary>The most points one customer receives within <see cref="Period"/>, all grants together.</summary>
    [Range(0, 10_000_000)]
    public int MaxPerCustomerPerPeriod { get; set; } = 5_000;

    [Range(typeof(TimeSpan), "1.00:00:00", "366.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Satisfaction surveys, under <c>CustomerCare:Surveys</c>.</summary>
public sealed class SurveyOptions
{
    public const string SectionName = "CustomerCare:Surveys";

    /// <summary>
    /// Where customers answer: the token is appended to this (e.g. <c>https://care.example.com/survey/</c>, a page that
    /// calls the survey-responses API). Unset, links point at the API itself.
    /// </summary>
    public string? ResponseLinkBase { get; set; }

    /// <summary>The link a customer answers an invitation at: <see cref="ResponseLinkBase"/> (or the API's own path) and the token.</summary>
    public string LinkFor(string token) => (ResponseLinkBase is { Length: > 0 } configured ? configured : "/api/v1/survey-responses/") + token;

    /// <summary>How often the campaign worker looks for waves due; zero turns it off (tests run it by hand).</summary>
    public TimeSpan CampaignInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Invitations written per transaction while a wave goes out.</summary>
    [Range(1, 10_000)]
    public int WaveBatchSize { get; set; } = 500;
}

/// <summary>Service-quality reports, under <c>CustomerCare:Reports</c>.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "CustomerCare:Reports";

    /// <summary>
    /// What the complaint rate counts against (per 1,000), e.g. the number of subscribers or orders of a period. Unset:
    /// the active customers (neither erased nor merged).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, long.MaxValue)]
    public long? ComplaintRateBase { get; set; }

    /// <summary>The longest period one report covers, in days.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3660)]
    public int MaxPeriodDays { get; set; } = 731;

    /// <summary>
    /// How long a computed report aggregation is served before it is computed again (per period, grouping and the
    /// caller's visibility). Once older, the next request starts one recomputation and, for up to as long again, is
    /// answered from the older result meanwhile: a report is at most twice this behind the database. Zero computes every
    /// report afresh (ADR 0018).
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(15);
}
