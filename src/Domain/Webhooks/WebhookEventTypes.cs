using CustomerCare.Domain.Complaints;

namespace CustomerCare.Domain.Webhooks;

/// <summary>
/// The event types a subscription can ask for, and which of them one complaint timeline entry produces. One entry
/// may produce several (closing a complaint is both a status change and a closure), each delivered on its own.
/// </summary>
public static class WebhookEventTypes
{
    public const string Received = "complaint.received";
    public const string StatusChanged = "complaint.statusChanged";
    public const string Assigned = "complaint.assigned";
    public const string SlaAtRisk = "complaint.slaAtRisk";
    public const string SlaBreached = "complaint.slaBreached";
    public const string Reopened = "complaint.reopened";
    public const string Closed = "complaint.closed";
    public const string ReComplained = "complaint.reComplained";
    public const string Updated = "complaint.updated";

    public const int MaxLength = 40;

    public static readonly IReadOnlyList<string> All =
        [Received, StatusChanged, Assigned, SlaAtRisk, SlaBreached, Reopened, Closed, ReComplained, Updated];

    /// <summary>
    /// The types a partner's subscription may ask for: those public timeline entries produce. Assignments and SLA clocks
    /// are internal (<see cref="TimelineVisibilities"/>); <see cref="Updated"/> reaches partners only for public entries.
    /// </summary>
    public static readonly IReadOnlyList<string> Public = [Received, StatusChanged, Reopened, Closed, ReComplained, Updated];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    public static bool IsPublic(string type) => Public.Contains(type, StringComparer.Ordinal);

    /// <summary>The webhook events one timeline entry stands for, in the order they are delivered.</summary>
    public static IReadOnlyList<string> For(TimelineEntryKind kind, ComplaintStatus? from, ComplaintStatus? to)
    {
        var types = new List<string>(2);
        if (kind == TimelineEntryKind.Received)
        {
            types.Add(Received);
            return types;
        }

        if (from is not null && to is not null && from != to)
        {
            types.Add(StatusChanged);
        }

        switch (kind)
        {
            case TimelineEntryKind.Assigned or TimelineEntryKind.Transferred:
                types.Add(Assigned);
                break;
            case TimelineEntryKind.SlaAtRisk:
                types.Add(SlaAtRisk);
                break;
            case TimelineEntryKind.SlaBreached:
                types.Add(SlaBreached);
                break;
            case TimelineEntryKind.Reopened:
                types.Add(Reopened);
                break;
            case TimelineEntryKind.Closed:
                types.Add(Closed);
                break;
            case TimelineEntryKind.ReComplained:
                types.Add(ReComplained);
                break;
            default:
                if (types.Count == 0)
                {
                    types.Add(Updated);
                }

                break;
        }

        return types;
    }
}
