using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerCare.Domain.Notifications;

/// <summary>
/// The text of one notification (event × channel × language), with named placeholders written <c>{{number}}</c>. Only
/// the placeholders of its event are allowed (<see cref="NotificationPlaceholders"/>); rendering puts the values in
/// as they are for text and escaped for the HTML part of an e-mail.
/// </summary>
public sealed partial record NotificationTemplate(NotificationEvent Event, NotificationChannel Channel, string Language, string? Subject, string Body)
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int LanguageMaxLength = 10;

    /// <summary>The languages templates are shipped in; a customer's preferred language picks one, zh-CN otherwise.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Whether the channel carries a subject line (e-mail does; text messages and robots do not).</summary>
    public static bool HasSubject(NotificationChannel channel) => channel == NotificationChannel.Email;

    /// <summary>The placeholder names used in <paramref name="text"/>, in order of first use.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The placeholders of <paramref name="text"/> that its event does not know.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(NotificationEvent notificationEvent, string? text) =>
        PlaceholdersIn(text).Where(p => !NotificationPlaceholders.For(notificationEvent).Contains(p, StringComparer.Ordinal)).ToList();

    /// <summary>The language a template is chosen in for someone who prefers <paramref name="preferred"/> (zh-CN when in doubt).</summary>
    public static string LanguageFor(string? preferred) =>
        preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";

    public RenderedNotification Render(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var body = Fill(Body, values, html: false);
        return new RenderedNotification(
            Subject is null ? null : Fill(Subject, values, html: false).ReplaceLineEndings(" "),
            body,
            Channel == NotificationChannel.Email ? Html(Fill(Body, values, html: true)) : null,
            Channel == NotificationChannel.Sms ? SmsText.Segments(body) : 0);
    }

    /// <summary>The text with the values in; for HTML, the template's own characters and the values both escaped.</summary>
    private static string Fill(string text, IReadOnlyDictionary<string, string?> values, bool html)
    {
        var filled = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            filled.Append(Escape(text[at..match.Index], html));
            filled.Append(Escape(values.TryGetValue(match.Groups["name"].Value, out var value) ? value ?? string.Empty : string.Empty, html));
            at = match.Index + match.Length;
        }

        return filled.Append(Escape(text[at..], html)).ToString();
    }

    private static string Escape(string text, bool html) => html ? WebUtility.HtmlEncode(text) : text;

    /// <summary>The HTML part of an e-mail: the escaped text, its line breaks kept.</summary>
    private static string Html(string escaped)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body><div style=\"font-family:sans-serif\">");
        foreach (var line in escaped.ReplaceLineEndings("\n").Split('\n'))
        {
            html.Append(line).Append("<br>\n");
        }

        return html.Append("</div></body></html>").ToString();
    }
}

/// <summary>A template with its values in: what is sent.</summary>
public sealed record RenderedNotification(string? Subject, string Text, string? Html, int SmsSegments);

/// <summary>The placeholders each event offers its templates.</summary>
public static class NotificationPlaceholders
{
    private static readonly string[] Complaint = ["number", "title", "customerName", "status"];
    private static readonly string[] Staff = ["staffName", "number", "title", "status", "severity", "department"];

    public static IReadOnlyList<string> For(NotificationEvent notificationEvent) => notificationEvent switch
    {
        NotificationEvent.ComplaintReceived => [.. Complaint, "receivedAt", "firstContactDue"],
        NotificationEvent.SolutionProposed => [.. Complaint, "solution"],
        NotificationEvent.ComplaintResolved => [.. Complaint, "outcome"],
        NotificationEvent.ComplaintClosed => [.. Complaint, "closingReason"],
        NotificationEvent.ComplaintReopened => [.. Complaint, "reason"],
        NotificationEvent.PublicReply => [.. Complaint, "reply"],
        NotificationEvent.SurveyInvitation => ["customerName", "surveyLink", "expiresAt", "number"],
        NotificationEvent.CareTaskGreeting => ["customerName", "greeting"],
        NotificationEvent.Assigned => [.. Staff, "assignedBy"],
        NotificationEvent.Transferred => [.. Staff, "previousDepartment"],
        NotificationEvent.StatusChanged => [.. Staff, "previousStatus"],
        NotificationEvent.ReComplained => [.. Staff, "escalationLevel"],
        NotificationEvent.SlaAtRisk or NotificationEvent.SlaBreached => [.. Staff, "milestone", "dueAt", "escalationLevel"],
        NotificationEvent.StatusLookupCode => ["code", "minutes", "number"],
        NotificationEvent.MajorComplaint => Staff,
        _ => [],
    };

    /// <summary>Whether the event is said to the customer (else to staff).</summary>
    public static bool IsForCustomers(NotificationEvent notificationEvent) =>
        notificationEvent is <= NotificationEvent.CareTaskGreeting or NotificationEvent.StatusLookupCode;
}
