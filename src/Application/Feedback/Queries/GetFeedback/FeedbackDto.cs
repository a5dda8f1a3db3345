using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Feedback;

namespace CustomerCare.Application.Feedback.Queries.GetFeedback;

public sealed record FeedbackDto(
    Guid Id, Guid CustomerId, FeedbackKind Kind, Channel Channel, string Subject, string Text, FeedbackStatus Status,
    IReadOnlyList<FeedbackStatus> AllowedStatuses, Guid? RecordedById, Guid? HandlerId, DateTimeOffset? AcknowledgedAt, DateTimeOffset? StartedAt,
    string? Answer, Channel? AnsweredVia, DateTimeOffset? AnsweredAt, bool? Accepted, string? ImprovementAction, int RewardPoints,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    public static FeedbackDto From(CustomerFeedback f) => new(
        f.Id, f.CustomerId, f.Kind, f.Channel, f.Subject, f.Text, f.Status, f.AllowedMoves, f.RecordedById, f.HandlerId, f.AcknowledgedAt, f.StartedAt,
        f.Answer, f.AnsweredVia, f.AnsweredAt, f.Accepted, f.ImprovementAction, f.RewardPoints, f.CreatedAt, f.UpdatedAt, f.Version);
}
