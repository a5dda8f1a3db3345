using AutoMapper;
using CustomerCare.Domain.Notifications;

namespace CustomerCare.Application.Notifications.Queries.GetComplaintNotifications;

/// <summary>
/// A notification as staff inspect it: to whom, by which channel and template, what it said, and what became of it
/// (status, attempts, the server's or gateway's last answer, or why it was not sent).
/// </summary>
public sealed record NotificationDto(
    Guid Id, NotificationEvent Event, NotificationChannel Channel, NotificationAudience Audience, Guid RecipientId, string? Address,
    string Language, string Template, string? Subject, string Text, int SmsSegments, NotificationStatus Status, NotSentReason? NotSentReason,
    int Attempts, DateTimeOffset NextAttemptAt, string? LastAnswer, DateTimeOffset? SentAt, DateTimeOffset CreatedAt)
{
    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Notification, NotificationDto>();
    }
}
