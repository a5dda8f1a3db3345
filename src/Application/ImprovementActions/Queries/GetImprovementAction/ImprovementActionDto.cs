using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.ImprovementActions;

namespace CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;

/// <summary>
/// An improvement action: what, who, where, by when, what it is traced to, its state (<c>overdue</c>: open past its due
/// day in the business calendar's time zone), and once reviewed the effect review.
/// </summary>
public sealed record ImprovementActionDto : IVersioned
{
    public Guid Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Description { get; init; }

    public Guid? OwnerId { get; init; }

    public Guid? DepartmentId { get; init; }

    public DateOnly DueOn { get; init; }

    /// <summary>The category whose complaint rate it should lower.</summary>
    public string? Category { get; init; }

    /// <summary>The cause code whose complaint rate it should lower.</summary>
    public string? Cause { get; init; }

    public ImprovementActionStatus Status { get; init; }

    public IReadOnlyList<ImprovementActionStatus> AllowedStatuses { get; init; } = [];

    public bool Overdue { get; init; }

    public IReadOnlyList<Guid> ComplaintIds { get; init; } = [];

    public IReadOnlyList<Guid> FeedbackIds { get; init; } = [];

    /// <summary>Survey campaigns whose findings it answers.</summary>
    public IReadOnlyList<Guid> SurveyIds { get; init; } = [];

    public IReadOnlyList<Guid> IncidentIds { get; init; } = [];

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public string? DoneNote { get; init; }

    /// <summary>From when its effect can be reviewed (a review period after it was done).</summary>
    public DateTimeOffset? ReviewDueAt { get; init; }

    public EffectReviewDto? Review { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    public static ImprovementActionDto For(IMapper mapper, ImprovementAction action, DateOnly today) =>
        mapper.Map<ImprovementActionDto>(action) with { Overdue = action.IsOverdue(today) };

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<ImprovementAction, ImprovementActionDto>()
                .ForMember(d => d.AllowedStatuses, o => o.MapFrom(a => a.AllowedMoves))
                .ForMember(d => d.Overdue, o => o.Ignore())
                .ForMember(d => d.ComplaintIds, o => o.MapFrom(a => Of(a, ImprovementLinkKind.Complaint)))
                .ForMember(d => d.FeedbackIds, o => o.MapFrom(a => Of(a, ImprovementLinkKind.Feedback)))
                .ForMember(d => d.SurveyIds, o => o.MapFrom(a => Of(a, ImprovementLinkKind.Survey)))
                .ForMember(d => d.IncidentIds, o => o.MapFrom(a => Of(a, ImprovementLinkKind.Incident)));
            CreateMap<EffectReview, EffectReviewDto>();
        }

        private static List<Guid> Of(ImprovementAction action, ImprovementLinkKind kind) =>
            action.Links.Where(l => l.Kind == kind).Select(l => l.TargetId).ToList();
    }
}

/// <summary>
/// The effect review: complaints of the action's category and/or cause received in the review period before it was done
/// (<c>beforeFrom</c> to <c>afterFrom</c>) and in the one after (<c>afterFrom</c> to <c>afterTo</c>); their rates per
/// 1,000 of <c>rateBasis</c> (the reports' complaint-rate basis); <c>change</c>, the after rate against the before rate
/// (−0.6: fell by 60 %; null with none before); effective when it fell by at least <c>requiredReduction</c>.
/// </summary>
public sealed record EffectReviewDto(
    DateTimeOffset BeforeFrom, DateTimeOffset AfterFrom, DateTimeOffset AfterTo, long RateBasis,
    int BeforeCount, int AfterCount, double BeforeRate, double AfterRate, double? Change, double RequiredReduction, bool Effective,
    string? Note, Guid? ReviewedById, DateTimeOffset ReviewedAt);
