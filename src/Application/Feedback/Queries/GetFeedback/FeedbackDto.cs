using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Feedback;

namespace CustomerCare.Application.Feedback.Queries.GetFeedback;

public sealed record FeedbackDto(
    Guid Id, Guid CustomerId, FeedbackKind Kind, Channel Channel, string Subject, string Text, FeedbackStatus Status,
    IReadOnlyList<FeedbackStatus> AllowedStatuses, Guid? RecordedById, Guid? HandlerId, DateTimeOffset? AcknowledgedAt, DateTimeOffset? StartedAt,
    string? Answer, Channel? AnsweredVia, DateTimeOffset? AnsweredAt, bool? Accepted, Guid? ImprovementActionId, int RewardPoints,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<CustomerFeedback, FeedbackDto>()
            .ForCtorParam(nameof(AllowedStatuses), o => o.MapFrom(f => f.AllowedMoves));
    }
}
