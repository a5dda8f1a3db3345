using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.ImprovementActions;

public enum ImprovementActionStatus
{
    /// <summary>Decided, with an owner and a due day; work has not started.</summary>
    Planned,

    InProgress,

    /// <summary>Carried out; its effect is reviewed once the review period has passed.</summary>
    Done,

    /// <summary>The review found the complaint rate of its category or cause fell by at least the required share.</summary>
    Effective,

    /// <summary>The review found it did not fall enough: plan another action.</summary>
    NotEffective,
}

/// <summary>What an improvement action is traced to: a complaint, a piece of feedback, a survey's findings or an incident.</summary>
public enum ImprovementLinkKind
{
    Complaint,
    Feedback,
    Survey,
    Incident,
}

/// <summary>One thing an improvement action is traced to.</summary>
public sealed record ImprovementLink(ImprovementLinkKind Kind, Guid TargetId);

/// <summary>
/// The effect review: the complaint rate (per 1,000 of the rate basis) of the action's category and/or cause in the
/// period before the action was done and in the equally long period after, and whether it fell by at least the share
/// required (<see cref="ImprovementAction.Review"/>).
/// </summary>
public sealed record EffectReview(
    DateTimeOffset BeforeFrom, DateTimeOffset AfterFrom, DateTimeOffset AfterTo, long RateBasis,
    int BeforeCount, int AfterCount, double BeforeRate, double AfterRate, double? Change, double RequiredReduction, bool Effective,
    string? Note, Guid? ReviewedById, DateTimeOffset ReviewedAt);

/// <summary>
/// A corrective or preventive action (ISO 10002 §8.7, 改进措施): what is to change, who owns it, in which department, by
/// when, what it is traced to (complaints, feedback, survey findings, an incident), and — for the effect review — the
/// category and/or cause whose complaint rate it should lower. planned → in progress → done → effective / not effective.
/// </summary>
public sealed class ImprovementAction : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MaxLinks = 500;

    private static readonly Dictionary<ImprovementActionStatus, ImprovementActionStatus[]> Moves = new()
    {
        [ImprovementActionStatus.Planned] = [ImprovementActionStatus.InProgress, ImprovementActionStatus.Done],
        [ImprovementActionStatus.InProgress] = [ImprovementActionStatus.Done],
        [ImprovementActionStatus.Done] = [ImprovementActionStatus.Effective, ImprovementActionStatus.NotEffective],
        [ImprovementActionStatus.Effective] = [],
        [ImprovementActionStatus.NotEffective] = [],
    };

    private readonly List<ImprovementLink> _links = [];

    private ImprovementAction()
    {
        Title = string.Empty;
    }

    private ImprovementAction(Guid id, ImprovementPlan plan, Guid? createdById, DateTimeOffset now)
        : base(id)
    {
        Title = string.Empty;
        Status = ImprovementActionStatus.Planned;
        CreatedById = createdById;
        CreatedAt = now;
        Apply(plan, now);
    }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Who carries it out (null only on actions migrated from free text that named nobody).</summary>
    public Guid? OwnerId { get; private set; }

    public Guid? DepartmentId { get; private set; }

    /// <summary>The day it is due, in the business calendar's time zone.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>The category whose complaint rate it should lower (the effect review compares it).</summary>
    public string? Category { get; private set; }

    /// <summary>The cause code whose complaint rate it should lower.</summary>
    public string? Cause { get; private set; }

    public ImprovementActionStatus Status { get; private set; }

    public IReadOnlyList<ImprovementLink> Links => _links;

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>What was done, as recorded when it was marked done.</summary>
    public string? DoneNote { get; private set; }

    /// <summary>When its effect can be reviewed: a review period after it was done.</summary>
    public DateTimeOffset? ReviewDueAt { get; private set; }

    public EffectReview? Review { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ImprovementActionStatus> AllowedMoves => Moves[Status];

    /// <summary>Open (planned or in progress) past its due day.</summary>
    public bool IsOverdue(DateOnly today) => Status is ImprovementActionStatus.Planned or ImprovementActionStatus.InProgress && DueOn < today;

    public static ImprovementAction Plan(ImprovementPlan plan, Guid? createdById, DateTimeOffset now) => new(Guid.CreateVersion7(), plan, createdById, now);

    /// <summary>Changes the plan while the action is still open (planned or in progress).</summary>
    public void Replan(ImprovementPlan plan, DateTimeOffset now)
    {
        if (Status is not (ImprovementActionStatus.Planned or ImprovementActionStatus.InProgress))
        {
            throw Refused(Status, "improvementAction.notOpen", $"An improvement action that is {Status} is not planned again.");
        }

        Apply(plan, now);
    }

    /// <summary>Traces the action to one more thing (already traced: nothing changes).</summary>
    public bool Link(ImprovementLink link, DateTimeOffset now)
    {
        if (_links.Contains(link))
        {
            return false;
        }

        if (_links.Count >= MaxLinks)
        {
            throw new DomainException("improvementAction.tooManyLinks", $"An improvement action is traced to at most {MaxLinks} things.");
        }

        _links.Add(link);
        UpdatedAt = now;
        return true;
    }

    public void Start(DateTimeOffset now)
    {
        Move(ImprovementActionStatus.InProgress);
        StartedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Carried out: its effect is reviewed <paramref name="reviewAfter"/> later.</summary>
    public void Complete(string? note, TimeSpan reviewAfter, DateTimeOffset now)
    {
        Move(ImprovementActionStatus.Done);
        StartedAt ??= now;
        DoneAt = now;
        DoneNote = Optional(note, TextMaxLength, "note");
        ReviewDueAt = now + reviewAfter;
        UpdatedAt = now;
    }

    /// <summary>The windows an effect review compares: the review period before it was done, and the one after.</summary>
    public (DateTimeOffset BeforeFrom, DateTimeOffset AfterFrom, DateTimeOffset AfterTo) ReviewWindows()
    {
        if (DoneAt is not { } done || ReviewDueAt is not { } due)
        {
            throw Refused(Status, "improvementAction.notDone", "Only an action that is done has its effect reviewed.");
        }

        return (done - (due - done), done, due);
    }

    /// <summary>
    /// Records the effect review (refused before the review period has passed, or without a category or cause to
    /// measure): effective when the rate fell by at least the share required, else not effective.
    /// </summary>
    public void RecordReview(EffectReview review, DateTimeOffset now)
    {
        if (Status != ImprovementActionStatus.Done)
        {
            Move(ImprovementActionStatus.Effective); // throws with the moves allowed now
        }

        if (Category is null && Cause is null)
        {
            throw new DomainException("improvementAction.nothingToMeasure",
                "Name the category or cause whose complaint rate the action should lower before its effect is reviewed.");
        }

        if (now < ReviewDueAt)
        {
            throw new DomainException("improvementAction.reviewNotDue", "The review period has not passed yet.",
                new Dictionary<string, object?> { ["reviewDueAt"] = ReviewDueAt });
        }

        Move(review.Effective ? ImprovementActionStatus.Effective : ImprovementActionStatus.NotEffective);
        Review = review;
        UpdatedAt = now;
    }

    /// <summary>
    /// The arithmetic of a review: rates per 1,000 of <paramref name="basis"/>, the change as a share of the rate before
    /// (null when there was none before), effective when it fell by at least <paramref name="requiredReduction"/>; with
    /// no complaint before or after, nothing fell: not effective unless it stayed at zero.
    /// </summary>
    public static (double BeforeRate, double AfterRate, double? Change, bool Effective) Compare(int before, int after, long basis, double requiredReduction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basis, 1);
        var beforeRate = Math.Round(before * 1000.0 / basis, 4);
        var afterRate = Math.Round(after * 1000.0 / basis, 4);
        double? change = before == 0 ? null : Math.Round((double)(after - before) / before, 4);
        var effective = before == 0 ? after == 0 : after <= before * (1 - requiredReduction) + 1e-9;
        return (beforeRate, afterRate, change, effective);
    }

    private void Apply(ImprovementPlan plan, DateTimeOffset now)
    {
        Title = Guard.Text(plan.Title, TitleMaxLength, "title");
        Description = Optional(plan.Description, TextMaxLength, "description");
        OwnerId = plan.OwnerId;
        DepartmentId = plan.DepartmentId;
        DueOn = plan.DueOn;
        Category = plan.Category;
        Cause = plan.Cause;
        UpdatedAt = now;
    }

    private void Move(ImprovementActionStatus to)
    {
        if (!Moves[Status].Contains(to))
        {
            throw Refused(Status, "improvementAction.invalidMove", $"An improvement action that is {Status} cannot become {to}.");
        }

        Status = to;
    }

    private DomainException Refused(ImprovementActionStatus from, string code, LocalizableText message) => new(code, message,
        new Dictionary<string, object?>
        {
            ["currentStatus"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(from.ToString()),
            ["allowedStatuses"] = Moves[from].Select(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString())).ToArray(),
        });

    private static string? Optional(string? text, int max, string field) => string.IsNullOrWhiteSpace(text) ? null : Guard.Text(text, max, field);
}

/// <summary>What an improvement action is planned as.</summary>
public sealed record ImprovementPlan(string Title, string? Description, Guid? OwnerId, Guid? DepartmentId, DateOnly DueOn, string? Category, string? Cause);
