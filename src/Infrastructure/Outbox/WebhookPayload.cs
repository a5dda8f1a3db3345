using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Infrastructure.Outbox;

/// <summary>
/// The body of a webhook: the event and a snapshot of the complaint's routing facts after it. Never personal data
/// or free text: a partner learns nothing about the customer it did not send itself. Partners' receivers get events of
/// public timeline entries only, without the responsible department and the assignee (<see cref="Public"/>).
/// </summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTimeOffset OccurredAt, WebhookComplaintData Data)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>What a partner's receiver gets: the same event without who handles it (staff and department ids are internal).</summary>
    public WebhookPayload Public() => this with { Data = Data with { ResponsibleDepartmentId = null, AssigneeId = null } };

    public static WebhookPayload For(Guid eventId, string type, Complaint complaint, TimelineEntry entry)
    {
        var clock = entry.Kind switch
        {
            TimelineEntryKind.SlaBreached => complaint.SlaClocks.FirstOrDefault(k => k.BreachedAt == entry.At),
            TimelineEntryKind.SlaAtRisk => complaint.SlaClocks.FirstOrDefault(k => k.AtRiskNotifiedAt == entry.At),
            _ => null,
        };
        return new WebhookPayload(eventId, type, entry.At, new WebhookComplaintData(
            complaint.Id, complaint.Number, complaint.ExternalReference, entry.Sequence, entry.Kind,
            entry.FromStatus, entry.ToStatus ?? complaint.Status, complaint.Channel, complaint.Category, complaint.Severity,
            complaint.ResponsibleDepartmentId, complaint.AssigneeId, complaint.EscalationLevel,
            complaint.Closing?.Reason, clock?.Milestone, clock?.DueAt));
    }
}

public sealed record WebhookComplaintData(
    Guid ComplaintId,
    string Number,
    string? ExternalReference,
    int TimelineSequence,
    TimelineEntryKind Kind,
    ComplaintStatus? PreviousStatus,
    ComplaintStatus Status,
    Domain.Common.Channel Channel,
    string? Category,
    Severity Severity,
    Guid? ResponsibleDepartmentId,
    Guid? AssigneeId,
    int EscalationLevel,
    ClosingReason? ClosingReason,
    SlaMilestone? Milestone,
    DateTimeOffset? DueAt);
