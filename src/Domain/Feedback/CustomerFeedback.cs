using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Feedback;

public enum FeedbackKind
{
    Suggestion,
    Praise,
    Question,
    Idea,
}

public enum FeedbackStatus
{
    New,
    Acknowledged,
    InProgress,

    /// <summary>The customer was told the outcome; final.</summary>
    Answered,
}

/// <summary>
/// A suggestion, praise, question or idea (not a complaint): new → acknowledged → in progress → answered. The answer
/// is recorded with the channel the customer was told by; an accepted suggestion or idea records the improvement
/// action it leads to; reward points granted are recorded here and on the customer.
/// </summary>
public sealed class CustomerFeedback : AggregateRoot
{
    public const int SubjectMaxLength = 200;
    public const int TextMaxLength = 8000;
    public const int AnswerMaxLength = 4000;
    public const int MaxRewardPoints = 100_000;

    private static readonly IReadOnlyDictionary<FeedbackStatus, FeedbackStatus[]> Moves = new Dictionary<FeedbackStatus, FeedbackStatus[]>
    {
        [FeedbackStatus.New] = [FeedbackStatus.Acknowledged, FeedbackStatus.InProgress, FeedbackStatus.Answered],
        [FeedbackStatus.Acknowledged] = [FeedbackStatus.InProgress, FeedbackStatus.Answered],
        [FeedbackStatus.InProgress] = [FeedbackStatus.Answered],
        [FeedbackStatus.Answered] = [],
    };

    private CustomerFeedback()
    {
        Subject = string.Empty;
        Text = string.Empty;
    }

    private CustomerFeedback(Guid id, Guid customerId, FeedbackKind kind, Channel channel, string subject, string text, Guid? recordedById, DateTimeOffset now)
        : base(id)
    {
        CustomerId = customerId;
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("feedback.kind", "Unknown kind of feedback.");
        Channel = channel;
        Subject = Guard.Text(subject, SubjectMaxLength, "subject");
        Text = Guard.Text(text, TextMaxLength, "text");
        RecordedById = recordedById;
        Status = FeedbackStatus.New;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid CustomerId { get; private set; }

    public FeedbackKind Kind { get; private set; }

    /// <summary>The channel the feedback came through.</summary>
    public Channel Channel { get; private set; }

    public string Subject { get; private set; }

    public string Text { get; private set; }

    public FeedbackStatus Status { get; private set; }

    public Guid? RecordedById { get; private set; }

    /// <summary>The staff member handling it.</summary>
    public Guid? HandlerId { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public string? Answer { get; private set; }

    /// <summary>How the customer was told the answer (their preferred channel unless they asked otherwise).</summary>
    public Channel? AnsweredVia { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>For suggestions and ideas: whether it was taken up.</summary>
    public bool? Accepted { get; private set; }

    /// <summary>The improvement action an accepted suggestion or idea leads to.</summary>
    public Guid? ImprovementActionId { get; private set; }

    public int RewardPoints { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<FeedbackStatus> AllowedMoves => Moves[Status];

    public static CustomerFeedback Receive(Guid customerId, FeedbackKind kind, Channel channel, string subject, string text, Guid? recordedById, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), customerId, kind, channel, subject, text, recordedById, now);

    /// <summary>The customer is told their feedback arrived.</summary>
    public void Acknowledge(Guid? staffId, DateTimeOffset now)
    {
        Move(FeedbackStatus.Acknowledged);
        AcknowledgedAt = now;
        HandlerId ??= staffId;
        UpdatedAt = now;
    }

    /// <summary>Someone works on it (by default whoever starts).</summary>
    public void Start(Guid? handlerId, DateTimeOffset now)
    {
        Move(FeedbackStatus.InProgress);
        AcknowledgedAt ??= now;
        StartedAt = now;
        HandlerId = handlerId ?? HandlerId;
        UpdatedAt = now;
    }

    /// <summary>
    /// The customer is told the outcome through <paramref name="via"/>. Suggestions and ideas say whether they were
    /// accepted; an accepted one names the improvement action it leads to. Reward points (0 for none) are granted with the answer.
    /// </summary>
    public void Respond(string answer, Channel via, bool? accepted, Guid? improvementActionId, int rewardPoints, Guid? staffId, DateTimeOffset now)
    {
        var takesUp = Kind is FeedbackKind.Suggestion or FeedbackKind.Idea;
        if (!takesUp && (accepted is not null || improvementActionId is not null))
        {
            throw new DomainException("feedback.notASuggestion", $"Only suggestions and ideas are accepted or declined; this is {Kind}.");
        }

        if (takesUp && accepted is null)
        {
            throw new DomainException("feedback.acceptanceRequired", "Say whether the suggestion is accepted.");
        }

        if (accepted == true && improvementActionId is null)
        {
            throw new DomainException("feedback.improvementRequired", "An accepted suggestion records the improvement action it leads to.");
        }

        if (accepted == false && improvementActionId is not null)
        {
            throw new DomainException("feedback.improvementWithoutAcceptance", "Only an accepted suggestion has an improvement action.");
        }

        if (rewardPoints is < 0 or > MaxRewardPoints)
        {
            throw new DomainException("feedback.rewardPoints", $"Reward points are 0–{MaxRewardPoints}.");
        }

        var text = Guard.Text(answer, AnswerMaxLength, "answer");
        Move(FeedbackStatus.Answered);
        Answer = text;
        AnsweredVia = via;
        AnsweredAt = now;
        AcknowledgedAt ??= now;
        HandlerId ??= staffId;
        Accepted = accepted;
        ImprovementActionId = accepted == true ? improvementActionId : null;
        RewardPoints = rewardPoints;
        UpdatedAt = now;
    }

    private static LocalizableText CannotBecome(FeedbackStatus from, FeedbackStatus to) =>
        $"Feedback that is {from} cannot become {to}. Nothing is allowed now.";

    private static LocalizableText CannotBecome(FeedbackStatus from, FeedbackStatus to, FeedbackStatus[] allowed) =>
        $"Feedback that is {from} cannot become {to}. Allowed now: {allowed}.";

    private void Move(FeedbackStatus to)
    {
        if (!Moves[Status].Contains(to))
        {
            var allowed = Moves[Status];
            throw new DomainException("feedback.invalidTransition",
                allowed.Length == 0 ? CannotBecome(Status, to) : CannotBecome(Status, to, allowed),
                new Dictionary<string, object?>
                {
                    ["currentStatus"] = Describe(Status),
                    ["allowedStatuses"] = allowed.Select(Describe).ToArray(),
                });
        }

        Status = to;
    }

    private static string Describe(FeedbackStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];
}
