using System.Globalization;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// The "customer informed" entries of a timeline: one per notification that reached the customer, public, with the
/// channel as its text, at the time it was sent, and with the sequence of the entry it told of (a survey invitation: of
/// the last entry before it). They are read from the notifications, not stored in the timeline: a notification sent a
/// second after a change must not change the complaint's version under the client that made it (a 412 on its next step).
/// </summary>
internal static class CustomerInformedEntries
{
    public static async Task<List<TimelineEntryDto>> WithCustomerInformedAsync(
        this IApplicationDbContext db, Guid complaintId, IReadOnlyList<TimelineEntryDto> entries, CancellationToken ct)
    {
        var sent = await db.Notifications.AsNoTracking()
            .Where(n => n.ComplaintId == complaintId && n.Audience == NotificationAudience.Customer && n.Status == NotificationStatus.Sent
                && n.Event != NotificationEvent.StatusLookupCode && n.SentAt != null)
            .Select(n => new { n.Source, n.Channel, SentAt = n.SentAt!.Value }).ToListAsync(ct);
        if (sent.Count == 0)
        {
            return [.. entries];
        }

        var informed = sent.Select(n => new TimelineEntryDto(
            SequenceOf(n.Source) ?? entries.LastOrDefault(e => e.At <= n.SentAt)?.Sequence ?? 1, n.SentAt, TimelineEntryKind.CustomerInformed,
            TimelineVisibility.Public, "system", null, null, null, LocalizableText.CamelCase(n.Channel.ToString())));
        return [.. entries.Concat(informed).OrderBy(e => e.Sequence).ThenBy(e => e.Kind == TimelineEntryKind.CustomerInformed).ThenBy(e => e.At)];
    }

    /// <summary>The sequence in a source <c>timeline:{complaint}:{sequence}</c>.</summary>
    private static int? SequenceOf(string source) =>
        source.StartsWith("timeline:", StringComparison.Ordinal)
        && int.TryParse(source[(source.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
}
