using CustomerCare.Domain.Notifications;

namespace CustomerCare.Application.Notifications;

/// <summary>
/// The templates CustomerCare ships, in Simplified Chinese and English, for every event and the channels it goes by.
/// An administrator's own version of one (PUT /notification-templates/…) replaces it; deleting that brings this back.
/// </summary>
public static class DefaultNotificationTemplates
{
    private const string ZhSignature = "\n\n客服中心";
    private const string EnSignature = "\n\nCustomer Care";

    public static IReadOnlyList<NotificationTemplate> All { get; } = Build();

    /// <summary>The channels an event goes by.</summary>
    public static IReadOnlyList<NotificationChannel> ChannelsOf(NotificationEvent notificationEvent) =>
        NotificationPlaceholders.IsForCustomers(notificationEvent)
            ? [NotificationChannel.Email, NotificationChannel.Sms]
            : GroupEvents.Contains(notificationEvent)
                ? [NotificationChannel.Email, NotificationChannel.WeComRobot, NotificationChannel.DingTalkRobot]
                : [NotificationChannel.Email];

    /// <summary>
    /// The staff events a department's group robots post, to the group of the department responsible for the complaint:
    /// a complaint transferred in, a re-complaint, SLA risk and breach, a major complaint. Assignments and status changes concern one
    /// person and go to them only.
    /// </summary>
    public static IReadOnlySet<NotificationEvent> GroupEvents { get; } = new HashSet<NotificationEvent>
    {
        NotificationEvent.Transferred, NotificationEvent.ReComplained, NotificationEvent.SlaAtRisk, NotificationEvent.SlaBreached,
        NotificationEvent.MajorComplaint,
    };

    public static NotificationTemplate For(NotificationEvent notificationEvent, NotificationChannel channel, string language) =>
        All.Single(t => t.Event == notificationEvent && t.Channel == channel && t.Language == language);

    private static List<NotificationTemplate> Build()
    {
        var templates = new List<NotificationTemplate>();
        void Customer(NotificationEvent e, string zhSubject, string zhEmail, string zhSms, string enSubject, string enEmail, string enSms)
        {
            templates.Add(new(e, NotificationChannel.Email, "zh-CN", zhSubject, "{{customerName}}，您好：\n\n" + zhEmail + ZhSignature));
            templates.Add(new(e, NotificationChannel.Sms, "zh-CN", null, zhSms));
            templates.Add(new(e, NotificationChannel.Email, "en", enSubject, "Dear {{customerName}},\n\n" + enEmail + EnSignature));
            templates.Add(new(e, NotificationChannel.Sms, "en", null, enSms));
        }

        void Staff(NotificationEvent e, string zhSubject, string zhText, string enSubject, string enText)
        {
            templates.Add(new(e, NotificationChannel.Email, "zh-CN", zhSubject, "{{staffName}}，您好：\n\n" + zhText));
            templates.Add(new(e, NotificationChannel.Email, "en", enSubject, "Hello {{staffName}},\n\n" + enText));
        }

        // What a department's group chat reads: plain text, no greeting (the robot's message names no one).
        void Group(NotificationEvent e, string zhText, string enText)
        {
            foreach (var channel in new[] { NotificationChannel.WeComRobot, NotificationChannel.DingTalkRobot })
            {
                templates.Add(new(e, channel, "zh-CN", null, zhText));
                templates.Add(new(e, channel, "en", null, enText));
            }
        }

        Customer(NotificationEvent.ComplaintReceived,
            "我们已受理您的投诉 {{number}}",
            "我们已收到您关于“{{title}}”的投诉，受理编号为 {{number}}（受理时间 {{receivedAt}}）。\n接下来，我们会登记并调查您反映的问题，负责的同事将在 {{firstContactDue}} 前与您联系。\n如需补充情况，请回复本邮件并注明受理编号。",
            "【客服中心】您的投诉已受理，编号 {{number}}。我们将在 {{firstContactDue}} 前与您联系。",
            "We have received your complaint {{number}}",
            "We have received your complaint \"{{title}}\" (reference {{number}}, received {{receivedAt}}).\nNext, we will register and investigate it; the colleague in charge will contact you by {{firstContactDue}}.\nTo add anything, reply to this e-mail quoting the reference.",
            "Customer Care: your complaint {{number}} was received. We will contact you by {{firstContactDue}}.");
        Customer(NotificationEvent.SolutionProposed,
            "关于投诉 {{number}} 的解决方案",
            "针对您的投诉“{{title}}”（编号 {{number}}），我们提出以下解决方案：\n\n{{solution}}\n\n请告诉我们您是否接受。",
            "【客服中心】您的投诉 {{number}} 已有解决方案，请查收邮件或等待我们的电话确认。",
            "A solution for your complaint {{number}}",
            "For your complaint \"{{title}}\" ({{number}}) we propose:\n\n{{solution}}\n\nPlease let us know whether you accept it.",
            "Customer Care: we have proposed a solution for your complaint {{number}}.");
        Customer(NotificationEvent.ComplaintResolved,
            "您的投诉 {{number}} 已解决",
            "您的投诉“{{title}}”（编号 {{number}}）已处理完毕，结果如下：\n\n{{outcome}}\n\n感谢您的耐心与信任。",
            "【客服中心】您的投诉 {{number}} 已解决：{{outcome}}",
            "Your complaint {{number}} is resolved",
            "Your complaint \"{{title}}\" ({{number}}) has been dealt with:\n\n{{outcome}}\n\nThank you for your patience.",
            "Customer Care: your complaint {{number}} is resolved: {{outcome}}");
        Customer(NotificationEvent.ComplaintClosed,
            "您的投诉 {{number}} 已结案",
            "您的投诉“{{title}}”（编号 {{number}}）已结案（{{closingReason}}）。如对处理结果仍有疑问，请在 7 日内联系我们。",
            "【客服中心】您的投诉 {{number}} 已结案。如有疑问请联系我们。",
            "Your complaint {{number}} is closed",
            "Your complaint \"{{title}}\" ({{number}}) is closed ({{closingReason}}). If anything is still open for you, contact us within 7 days.",
            "Customer Care: your complaint {{number}} is closed. Contact us with any question.");
        Customer(NotificationEvent.ComplaintReopened,
            "您的投诉 {{number}} 已重新处理",
            "您的投诉“{{title}}”（编号 {{number}}）已重新打开，我们会继续跟进并尽快与您联系。",
            "【客服中心】您的投诉 {{number}} 已重新打开，我们会尽快与您联系。",
            "Your complaint {{number}} is reopened",
            "Your complaint \"{{title}}\" ({{number}}) has been reopened; we will follow it up and contact you soon.",
            "Customer Care: your complaint {{number}} is reopened; we will contact you soon.");
        Customer(NotificationEvent.PublicReply,
            "关于投诉 {{number}} 的回复",
            "关于您的投诉“{{title}}”（编号 {{number}}）：\n\n{{reply}}",
            "【客服中心】投诉 {{number}}：{{reply}}",
            "About your complaint {{number}}",
            "About your complaint \"{{title}}\" ({{number}}):\n\n{{reply}}",
            "Customer Care, complaint {{number}}: {{reply}}");
        Customer(NotificationEvent.SurveyInvitation,
            "请评价我们的服务",
            "感谢您联系我们。请花一分钟评价我们的服务：\n{{surveyLink}}\n（链接在 {{expiresAt}} 前有效）",
            "【客服中心】请评价我们的服务：{{surveyLink}}",
            "How did we do?",
            "Thank you for contacting us. Please take a minute to rate our service:\n{{surveyLink}}\n(the link works until {{expiresAt}})",
            "Customer Care: please rate our service: {{surveyLink}}");
        Customer(NotificationEvent.CareTaskGreeting,
            "来自客服中心的问候",
            "{{greeting}}",
            "【客服中心】{{greeting}}",
            "Greetings from Customer Care",
            "{{greeting}}",
            "Customer Care: {{greeting}}");

        Customer(NotificationEvent.StatusLookupCode,
            "投诉查询验证码",
            "您正在查询投诉 {{number}} 的处理进度，验证码为 {{code}}，{{minutes}} 分钟内有效。\n如非本人操作，请忽略本邮件。",
            "【客服中心】您查询投诉的验证码为 {{code}}，{{minutes}} 分钟内有效，请勿告诉他人。",
            "Your complaint look-up code",
            "You asked for the progress of complaint {{number}}. Your code is {{code}}, valid for {{minutes}} minutes.\nIf this was not you, ignore this e-mail.",
            "Customer Care: your look-up code is {{code}}, valid for {{minutes}} minutes. Do not share it.");

        Staff(NotificationEvent.Assigned,
            "投诉 {{number}} 已指派给您",
            "投诉 {{number}}“{{title}}”（{{severity}}，{{status}}）已由 {{assignedBy}} 指派给您（{{department}}）。",
            "Complaint {{number}} was assigned to you",
            "Complaint {{number}} \"{{title}}\" ({{severity}}, {{status}}) was assigned to you ({{department}}) by {{assignedBy}}.");
        Staff(NotificationEvent.Transferred,
            "您受理的投诉 {{number}} 已转办",
            "您首次受理的投诉 {{number}}“{{title}}”已从 {{previousDepartment}} 转至 {{department}}。",
            "Complaint {{number}} you took was transferred",
            "Complaint {{number}} \"{{title}}\" that you took first moved from {{previousDepartment}} to {{department}}.");
        Staff(NotificationEvent.StatusChanged,
            "您受理的投诉 {{number}}：{{status}}",
            "您首次受理的投诉 {{number}}“{{title}}”状态由“{{previousStatus}}”变为“{{status}}”（{{department}}）。",
            "Complaint {{number}} you took: {{status}}",
            "Complaint {{number}} \"{{title}}\" that you took first went from {{previousStatus}} to {{status}} ({{department}}).");
        Staff(NotificationEvent.ReComplained,
            "复投诉：{{number}}",
            "客户就投诉 {{number}}“{{title}}”再次投诉，已升级至第 {{escalationLevel}} 级（{{department}}）。",
            "Re-complaint: {{number}}",
            "The customer complained again about {{number}} \"{{title}}\"; escalation level {{escalationLevel}} ({{department}}).");
        Staff(NotificationEvent.SlaAtRisk,
            "即将超时：投诉 {{number}}",
            "投诉 {{number}}“{{title}}”（{{severity}}）的“{{milestone}}”将于 {{dueAt}} 到期（{{department}}）。",
            "At risk: complaint {{number}}",
            "The {{milestone}} of complaint {{number}} \"{{title}}\" ({{severity}}) is due at {{dueAt}} ({{department}}).");
        Staff(NotificationEvent.SlaBreached,
            "已超时：投诉 {{number}}",
            "投诉 {{number}}“{{title}}”（{{severity}}）的“{{milestone}}”已于 {{dueAt}} 超时，升级至第 {{escalationLevel}} 级（{{department}}）。",
            "Breached: complaint {{number}}",
            "The {{milestone}} of complaint {{number}} \"{{title}}\" ({{severity}}) was due at {{dueAt}} and is missed; escalation level {{escalationLevel}} ({{department}}).");
        Staff(NotificationEvent.MajorComplaint,
            "重大投诉：{{number}}",
            "投诉 {{number}}“{{title}}”已定为重大投诉（{{status}}，{{department}}），其解决方案须经主管批准后方可答复客户。",
            "Major complaint: {{number}}",
            "Complaint {{number}} \"{{title}}\" is now a major complaint ({{status}}, {{department}}); its solution needs a supervisor's approval before the customer hears it.");

        Group(NotificationEvent.Transferred,
            "【投诉转入】{{number}}“{{title}}”（{{severity}}，{{status}}）已从 {{previousDepartment}} 转至 {{department}}，请及时处理。",
            "[Transferred in] Complaint {{number}} \"{{title}}\" ({{severity}}, {{status}}) moved from {{previousDepartment}} to {{department}}.");
        Group(NotificationEvent.ReComplained,
            "【复投诉】客户就投诉 {{number}}“{{title}}”再次投诉，已升级至第 {{escalationLevel}} 级（{{department}}）。",
            "[Re-complaint] The customer complained again about {{number}} \"{{title}}\"; escalation level {{escalationLevel}} ({{department}}).");
        Group(NotificationEvent.SlaAtRisk,
            "【即将超时】投诉 {{number}}“{{title}}”（{{severity}}）的“{{milestone}}”将于 {{dueAt}} 到期（{{department}}）。",
            "[At risk] The {{milestone}} of complaint {{number}} \"{{title}}\" ({{severity}}) is due at {{dueAt}} ({{department}}).");
        Group(NotificationEvent.SlaBreached,
            "【已超时】投诉 {{number}}“{{title}}”（{{severity}}）的“{{milestone}}”已于 {{dueAt}} 超时，升级至第 {{escalationLevel}} 级（{{department}}）。",
            "[Breached] The {{milestone}} of complaint {{number}} \"{{title}}\" ({{severity}}) was due at {{dueAt}} and is missed; escalation level {{escalationLevel}} ({{department}}).");
        Group(NotificationEvent.MajorComplaint,
            "【重大投诉】投诉 {{number}}“{{title}}”已定为重大投诉（{{status}}，{{department}}）。",
            "[Major complaint] Complaint {{number}} \"{{title}}\" is now a major complaint ({{status}}, {{department}}).");
        return templates;
    }
}
