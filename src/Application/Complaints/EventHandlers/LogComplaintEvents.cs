using CustomerCare.Domain.Complaints.Events;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Application.Complaints.EventHandlers;

/// <summary>Writes every complaint event to the structured log as its change is saved, for operations to follow.</summary>
public sealed partial class LogComplaintEvents(ILogger<LogComplaintEvents> logger) : INotificationHandler<ComplaintEvent>
{
    public ValueTask Handle(ComplaintEvent notification, CancellationToken cancellationToken)
    {
        LogEvent(logger, notification.ComplaintId, notification.Kind.ToString(), notification.Status.ToString());
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Complaint {ComplaintId}: {Kind}, now {Status}")]
    private static partial void LogEvent(ILogger logger, Guid complaintId, string kind, string status);
}
