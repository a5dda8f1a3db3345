using System.Globalization;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Notifications;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Notifications;

/// <summary>
/// The values a template's placeholders take for a complaint and one of its timeline entries (<see cref="NotificationPlaceholders"/>
/// names them per event): names of statuses and reasons in the template's language, times on the calendar's wall clock.
/// </summary>
public static class NotificationValues
{
    public static Dictionary<string, string?> ForCustomer(
        Complaint complaint, TimelineEntry? entry, string customerName, string language, SlaSchedule schedule, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(schedule);
        var culture = CultureInfo.GetCultureInfo(language);
        // Before registration the first-contact clock has not started: the promise is registration's due time plus its target.
        var firstContact = complaint.SlaClocks.FirstOrDefault(c => c.Milestone == SlaMilestone.FirstContact)?.DueAt
            ?? schedule.Due(SlaMilestone.FirstContact, complaint.Severity, complaint.KeyCustomer,
                complaint.RegisteredAt ?? schedule.Due(SlaMilestone.Registered, complaint.Severity, complaint.KeyCustomer, complaint.ReceivedAt));
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["number"] = complaint.Number,
            ["title"] = complaint.Title,
            ["customerName"] = customerName,
            ["status"] = Texts.DisplayName(complaint.Status, culture),
            ["receivedAt"] = Local(complaint.ReceivedAt, zone),
            ["firstContactDue"] = Local(firstContact, zone),
            ["solution"] = complaint.Solution?.Summary,
            ["outcome"] = complaint.Resolution?.Outcome,
            ["closingReason"] = complaint.Closing is { } closing ? Texts.DisplayName(closing.Reason, culture) : null,
            ["reason"] = entry?.Kind == TimelineEntryKind.Reopened ? entry.Text : null,
            ["reply"] = entry?.Kind == TimelineEntryKind.PublicReply ? entry.Text : null,
        };
    }

    public static Dictionary<string, string?> ForStaff(
        Complaint complaint, TimelineEntry? entry, string staffName, string language, string? department, TimeZoneInfo zone,
        string? previousDepartment = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var culture = CultureInfo.GetCultureInfo(language);
        var clock = entry?.Kind switch
        {
            TimelineEntryKind.SlaBreached => complaint.SlaClocks.FirstOrDefault(k => k.BreachedAt == entry.At),
            TimelineEntryKind.SlaAtRisk => complaint.SlaClocks.FirstOrDefault(k => k.AtRiskNotifiedAt == entry.At),
            _ => null,
        };
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["staffName"] = staffName,
            ["number"] = complaint.Number,
            ["title"] = complaint.Title,
            ["status"] = Texts.DisplayName(complaint.Status, culture),
            ["severity"] = Texts.DisplayName(complaint.Severity, culture),
            ["department"] = department,
            ["previousDepartment"] = previousDepartment,
            ["previousStatus"] = entry?.FromStatus is { } from ? Texts.DisplayName(from, culture) : null,
            ["escalationLevel"] = complaint.EscalationLevel.ToString(CultureInfo.InvariantCulture),
            ["milestone"] = clock is null ? null : Texts.DisplayName(clock.Milestone, culture),
            ["dueAt"] = clock is null ? null : Local(clock.DueAt, zone),
        };
    }

    /// <summary>
    /// Typical values of every placeholder, to check on save that a text message stays within its parts: a name of three
    /// characters, a complaint number, a title and free texts of about twenty characters, times as the calendar writes them.
    /// </summary>
    public static Dictionary<string, string?> Samples(string language)
    {
        var chinese = language != "en";
        var text = chinese ? "已为您更换新的电热水壶并安排上门安装" : "A new kettle was sent and installed";
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["number"] = "CC-2026-000123",
            ["title"] = chinese ? "电热水壶底座漏水无法使用" : "Kettle leaks from the base",
            ["customerName"] = chinese ? "王小芳" : "Zhang Wei",
            ["staffName"] = chinese ? "李伟" : "Li Wei",
            ["status"] = chinese ? "已提出解决方案" : "solution",
            ["severity"] = chinese ? "一般" : "general",
            ["department"] = chinese ? "售后服务部" : "After-sales",
            ["previousDepartment"] = chinese ? "客户服务部" : "Customer service",
            ["previousStatus"] = chinese ? "已调查" : "investigated",
            ["receivedAt"] = "2026-12-01 09:30",
            ["firstContactDue"] = "2026-12-02 09:30",
            ["dueAt"] = "2026-12-02 09:30",
            ["expiresAt"] = "2026-12-15 09:30",
            ["solution"] = text,
            ["outcome"] = text,
            ["reply"] = text,
            ["reason"] = text,
            ["greeting"] = text,
            ["closingReason"] = chinese ? "已解决" : "resolved",
            ["milestone"] = chinese ? "首次联系" : "first contact",
            ["escalationLevel"] = "1",
            ["assignedBy"] = chinese ? "张主管" : "Supervisor Zhang",
            ["surveyLink"] = "https://care.example.com/s/Xk3Lq9",
            ["code"] = "123456",
            ["minutes"] = "10",
        };
    }

    /// <summary>A time as people read it: the calendar's wall clock, e.g. <c>2026-12-03 09:00</c>.</summary>
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
