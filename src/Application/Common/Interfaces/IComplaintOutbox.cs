using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>Messages for the world outside (partner webhooks), written beside the change they report and sent after it commits.</summary>
public interface IComplaintOutbox
{
    /// <summary>Stages the messages <paramref name="entry"/> of <paramref name="complaint"/> stands for, in the current unit of work.</summary>
    void Enqueue(Complaint complaint, TimelineEntry entry);
}
