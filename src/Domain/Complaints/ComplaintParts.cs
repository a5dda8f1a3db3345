using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Complaints;

/// <summary>What the investigation found (ISO 10002 §8.4): facts, cause, whether the complaint is genuine, evidence, and the improvement action it led to.</summary>
public sealed class Investigation
{
    public const int TextMaxLength = 4000;
    public const int MaxEvidenceItems = 50;
    public const int EvidenceMaxLength = 1000;

    private Investigation()
    {
        Findings = string.Empty;
    }

    public Investigation(string findings, string? cause, string? rootCause, bool isGenuine, IReadOnlyList<string> evidence, Guid? improvementActionId)
    {
        Findings = Guard.Text(findings, TextMaxLength, "findings");
        Cause = cause is null ? null : Guard.Text(cause, ClassificationTerm.CodeMaxLength, "cause");
        RootCause = rootCause?.Trim();
        IsGenuine = isGenuine;
        Evidence = evidence.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        ImprovementActionId = improvementActionId;
    }

    public string Findings { get; private set; }

    /// <summary>The code of the cause found (<see cref="ComplaintCause"/>); reports group by it. Null before causes were coded.</summary>
    public string? Cause { get; private set; }

    /// <summary>The cause in the investigator's words.</summary>
    public string? RootCause { get; private set; }

    public bool IsGenuine { get; private set; }

    /// <summary>Descriptions or references (document ids, links) of the evidence gathered.</summary>
    public List<string> Evidence { get; private set; } = [];

    /// <summary>The improvement action (corrective or preventive) the finding led to, so that it does not happen again.</summary>
    public Guid? ImprovementActionId { get; private set; }
}

/// <summary>One step of a solution: who does what by when, and whether it is done.</summary>
public sealed class SolutionStep
{
    public const int MaxStepsPerSolution = 50;
    public const int DescriptionMaxLength = 1000;

    private SolutionStep()
    {
        Description = string.Empty;
    }

    public SolutionStep(string description, Guid? ownerId, DateTimeOffset? dueAt, bool done)
    {
        Description = Guard.Text(description, 1000, "description");
        OwnerId = ownerId;
        DueAt = dueAt;
        Done = done;
    }

    public string Description { get; private set; }

    public Guid? OwnerId { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    public bool Done { get; private set; }

    /// <summary>When the step was marked done after the solution was proposed (null when it was done before, or is not).</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>The staff member who marked it done.</summary>
    public Guid? DoneBy { get; private set; }

    /// <summary>Due and not done by <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => !Done && DueAt <= now;

    internal void MarkDone(Guid? by, DateTimeOffset at)
    {
        Done = true;
        DoneAt = at;
        DoneBy = by;
    }
}

/// <summary>The solution worked out and how it was communicated to the customer.</summary>
public sealed class ProposedSolution
{
    private ProposedSolution()
    {
        Summary = string.Empty;
    }

    public ProposedSolution(string summary, IReadOnlyList<SolutionStep> steps, DateTimeOffset communicatedAt, Channel communicatedVia)
    {
        Summary = Guard.Text(summary, Investigation.TextMaxLength, "summary");
        Steps = steps.ToList();
        CommunicatedAt = communicatedAt;
        CommunicatedVia = communicatedVia;
    }

    public string Summary { get; private set; }

    public List<SolutionStep> Steps { get; private set; } = [];

    public DateTimeOffset CommunicatedAt { get; private set; }

    public Channel CommunicatedVia { get; private set; }

    /// <summary>The earliest due time of a step not done yet; null when every step with a due time is done.</summary>
    public DateTimeOffset? NextStepDueAt => Steps.Where(s => !s.Done && s.DueAt is not null).Min(s => s.DueAt);
}

/// <summary>The customer's answer to the solution; on rejection, the recourse offered to them.</summary>
public sealed class CustomerResponse
{
    private CustomerResponse()
    {
    }

    public CustomerResponse(bool accepted, string? comment, string? recourseOffered, DateTimeOffset respondedAt)
    {
        Accepted = accepted;
        Comment = comment?.Trim();
        RecourseOffered = recourseOffered?.Trim();
        RespondedAt = respondedAt;
    }

    public bool Accepted { get; private set; }

    public string? Comment { get; private set; }

    public string? RecourseOffered { get; private set; }

    public DateTimeOffset RespondedAt { get; private set; }
}

/// <summary>How the complaint ended up solved, and what the customer received.</summary>
public sealed class Resolution
{
    private Resolution()
    {
        Outcome = string.Empty;
    }

    public Resolution(string outcome, decimal? compensationAmount, string? compensationCurrency, string? compensationDescription, DateTimeOffset resolvedAt,
        Channel? fedBackVia = null)
    {
        FedBackVia = fedBackVia;
        Outcome = Guard.Text(outcome, Investigation.TextMaxLength, "outcome");
        CompensationAmount = compensationAmount;
        CompensationCurrency = compensationCurrency?.Trim().ToUpperInvariant();
        CompensationDescription = compensationDescription?.Trim();
        ResolvedAt = resolvedAt;
    }

    public string Outcome { get; private set; }

    public decimal? CompensationAmount { get; private set; }

    /// <summary>ISO 4217 code.</summary>
    public string? CompensationCurrency { get; private set; }

    public string? CompensationDescription { get; private set; }

    public DateTimeOffset ResolvedAt { get; private set; }

    /// <summary>How the customer was told the result (反馈结果); null only on records from before it was asked.</summary>
    public Channel? FedBackVia { get; private set; }
}

/// <summary>
/// What the customer was told when the complaint was registered: by which channel, whether we apologised, and by when
/// we promised an answer. Who told them and when is the registration's timeline entry.
/// </summary>
public sealed class CustomerNotice
{
    private CustomerNotice()
    {
    }

    public CustomerNotice(Channel via, bool apologised, DateTimeOffset? promisedBy)
    {
        Via = via;
        Apologised = apologised;
        PromisedBy = promisedBy;
    }

    public Channel Via { get; private set; }

    public bool Apologised { get; private set; }

    public DateTimeOffset? PromisedBy { get; private set; }
}

/// <summary>How and why the record was completed.</summary>
public sealed class Closing
{
    private Closing()
    {
    }

    public Closing(ClosingReason reason, int? satisfaction, string? comment, DateTimeOffset closedAt)
    {
        if (satisfaction is < 1 or > 5)
        {
            throw new DomainException("complaint.satisfactionRange", "Satisfaction is scored from 1 to 5.");
        }

        Reason = reason;
        Satisfaction = satisfaction;
        Comment = comment?.Trim();
        ClosedAt = closedAt;
    }

    public ClosingReason Reason { get; private set; }

    /// <summary>1 (very dissatisfied) to 5 (very satisfied), when the customer gave it.</summary>
    public int? Satisfaction { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }
}
