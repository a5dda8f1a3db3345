using System.Text.Json.Nodes;
using CustomerCare.Application.Auth.Commands.ChangePassword;
using CustomerCare.Application.Auth.Commands.SignIn;
using CustomerCare.Application.CareTasks.Commands.CancelCareTask;
using CustomerCare.Application.Categories.Commands.PutCategory;
using CustomerCare.Application.Causes.Commands.PutCause;
using CustomerCare.Application.CareTasks.Commands.CompleteCareTask;
using CustomerCare.Application.CareTasks.Commands.CreateCareTask;
using CustomerCare.Application.CareTasks.Commands.RescheduleCareTask;
using CustomerCare.Application.CareTasks.Commands.ScheduleGreetings;
using CustomerCare.Application.Complaints.Commands.AddComplaintNote;
using CustomerCare.Application.Complaints.Commands.AssignComplaint;
using CustomerCare.Application.Complaints.Commands.CloseComplaint;
using CustomerCare.Application.Complaints.Commands.FileReComplaint;
using CustomerCare.Application.Complaints.Commands.LogCustomerContact;
using CustomerCare.Application.Complaints.Commands.LookUpComplaintStatus;
using CustomerCare.Application.Complaints.Commands.PauseSla;
using CustomerCare.Application.Complaints.Commands.ProposeSolution;
using CustomerCare.Application.Complaints.Commands.ReceiveComplaint;
using CustomerCare.Application.Complaints.Commands.ReclassifyComplaint;
using CustomerCare.Application.Complaints.Commands.RecordCustomerResponse;
using CustomerCare.Application.Complaints.Commands.RecordInvestigation;
using CustomerCare.Application.Complaints.Commands.RegisterComplaint;
using CustomerCare.Application.Complaints.Commands.ReopenComplaint;
using CustomerCare.Application.Complaints.Commands.ReplyToComplaint;
using CustomerCare.Application.Complaints.Commands.RequestStatusCode;
using CustomerCare.Application.Complaints.Commands.ResolveComplaint;
using CustomerCare.Application.CustomerGrades.Commands.PutCustomerGrade;
using CustomerCare.Application.Customers;
using CustomerCare.Application.Customers.Commands.MergeCustomers;
using CustomerCare.Application.Customers.Commands.PlanFollowUps;
using CustomerCare.Application.Departments;
using CustomerCare.Application.Departments.Commands.SetDepartmentRobot;
using CustomerCare.Application.Feedback.Commands.AnswerFeedback;
using CustomerCare.Application.Feedback.Commands.ReceiveFeedback;
using CustomerCare.Application.Feedback.Commands.StartFeedback;
using CustomerCare.Application.Notifications;
using CustomerCare.Application.Notifications.Commands.UpdateNotificationTemplate;
using CustomerCare.Application.Notifications.Queries.PreviewNotificationTemplate;
using CustomerCare.Application.Partners;
using CustomerCare.Application.Partners.Commands.IssuePartnerKey;
using CustomerCare.Application.Partners.Commands.RotatePartnerKey;
using CustomerCare.Application.Settings;
using CustomerCare.Application.Staff.Commands.CreateStaffMember;
using CustomerCare.Application.Staff.Commands.ResetStaffPassword;
using CustomerCare.Application.Staff.Commands.UpdateStaffMember;
using CustomerCare.Application.Surveys;
using CustomerCare.Application.Surveys.Commands.CreateCampaign;
using CustomerCare.Application.Surveys.Commands.SubmitSurveyResponse;
using CustomerCare.Application.Webhooks.Commands.CreateWebhook;
using CustomerCare.Application.Webhooks.Commands.UpdateWebhook;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Example bodies for the requests, shown in Swagger UI ("Try it out" starts from them) and in openapi.yaml. Where the
/// demo staff exist (<c>CustomerCare:Bootstrap:DemoStaffPassword</c> is set, as <c>scripts/run.sh</c> does), the sign-in
/// example is the demo agent's real credentials, so that a newcomer's first "Try it out" signs in.
/// </summary>
public sealed class OpenApiExamples(IConfiguration configuration) : ISchemaFilter
{
    public const string DemoAgentEmail = "agent@customercare.example";

    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(CategoryInput)] = """{"nameEn":"Pre-sales","nameZhCn":"售前咨询","departmentId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","active":true}""",
        [typeof(CustomerGradeInput)] = """{"nameEn":"Key customer","nameZhCn":"重点客户","key":true,"active":true}""",
        [typeof(FollowUpPlanInput)] = """{"everyMonths":3,"firstOn":"2027-01-15","ownerId":"0191d3a4-5b6c-7d8e-9f00-112233445566"}""",
        [typeof(ScheduleGreetingsInput)] = """{"occasion":"birthday","on":"2027-01-01","until":"2027-01-31","grade":"vip","subject":"生日快乐！感谢您一直以来的支持。"}""",
        [typeof(Application.Incidents.Commands.OpenIncident.OpenIncidentInput)] = """{"title":"杭州滨江区光缆中断，宽带无法上网","description":"施工挖断主干光缆，滨江区约两千户宽带中断。","cause":"network","product":"宽带","region":"杭州市滨江区","startedAt":"2026-12-02T08:30:00+08:00"}""",
        [typeof(Application.Incidents.Commands.LinkComplaintsToIncident.LinkComplaintsInput)] = """{"rule":{"category":"technicalFault","product":"宽带","receivedFrom":"2026-12-02T08:00:00+08:00","receivedTo":"2026-12-03T08:00:00+08:00"}}""",
        [typeof(Application.Incidents.Commands.LinkComplaintsToIncident.IncidentRuleInput)] = """{"category":"technicalFault","product":"宽带","receivedFrom":"2026-12-02T08:00:00+08:00","receivedTo":"2026-12-03T08:00:00+08:00"}""",
        [typeof(Application.Incidents.Commands.ResolveIncident.ResolveIncidentInput)] = """{"resolution":"光缆已于12月2日18:00熔接修复，宽带业务全部恢复。如仍无法上网，请重启光猫或回复本消息。","endedAt":"2026-12-02T18:00:00+08:00"}""",
        [typeof(Application.ImprovementActions.ImprovementActionInput)] = """{"title":"光猫固件升级到 V2.3，修复掉线问题","description":"与厂家联合验证新固件，分批推送到滨江区存量光猫。","ownerId":"0191d3a4-5b6c-7d8e-9f00-112233445566","departmentId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","dueOn":"2027-01-31","category":"technicalFault","cause":"terminal","complaintIds":["01a23a73-dad8-72e4-b539-e1debaf84bbf"],"incidentIds":["01a23a73-aaaa-7bbb-8ccc-0123456789ab"]}""",
        [typeof(Application.ImprovementActions.Commands.CompleteImprovementAction.CompleteImprovementActionInput)] = """{"note":"12月20日前已推送到全部 18,204 台光猫。"}""",
        [typeof(Application.ImprovementActions.Commands.ReviewImprovementAction.ReviewImprovementActionInput)] = """{"note":"掉线投诉明显下降，继续观察一个季度。"}""",
        [typeof(CauseInput)] = """{"nameEn":"Billing / BOSS system","nameZhCn":"计费/BOSS系统","active":true}""",
        [typeof(CalendarSettings)] = """{"timeZone":"Asia/Shanghai","workingHours":{"monday":["09:00-12:00","13:00-18:00"],"tuesday":["09:00-18:00"],"wednesday":["09:00-18:00"],"thursday":["09:00-18:00"],"friday":["09:00-18:00"]},"holidays":["2026-10-01","2026-10-02","2026-10-05"],"makeUpWorkingDays":["2026-10-10"]}""",
        [typeof(Application.Calendars.CalendarYearInput)] = """{"holidays":["2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"],"makeUpWorkingDays":["2026-09-20","2026-10-10"],"source":"国务院办公厅关于2026年部分节假日安排的通知"}""",
        [typeof(Application.Complaints.Commands.ReturnComplaintToQueue.ReturnComplaintToQueueInput)] = """{"reason":"需要技术支持部门的工程师处理，我无法上门"}""",
        [typeof(Application.Complaints.Commands.SendBackSolution.SendBackSolutionInput)] = """{"reason":"赔偿金额超出标准，请按《服务补偿办法》重新核定"}""",
        [typeof(SlaPolicySettings)] = """{"atRiskFraction":0.8,"targets":{"general":{"registered":{"duration":"PT1H","basis":"working"},"assigned":{"duration":"PT2H","basis":"working"},"firstContact":{"duration":"PT24H","basis":"calendar"},"solutionProposed":{"duration":"P3D","basis":"working"},"resultFedBack":{"duration":"P3D","basis":"working"},"resolution":{"duration":"P6D","basis":"working"}},"major":{"registered":{"duration":"PT1H","basis":"working"},"assigned":{"duration":"PT1H","basis":"working"},"firstContact":{"duration":"PT4H","basis":"calendar"},"solutionProposed":{"duration":"P5D","basis":"working"},"resultFedBack":{"duration":"P3D","basis":"working"},"resolution":{"duration":"P8D","basis":"working"}}},"keyCustomerTargets":{"general":{"firstContact":{"duration":"PT4H","basis":"calendar"},"solutionProposed":{"duration":"P2D","basis":"working"}},"major":{"firstContact":{"duration":"PT2H","basis":"calendar"}}}}""",
        [typeof(NotificationSettings)] = """{"rules":[{"event":"complaintReceived","channels":["email","sms"]},{"event":"solutionProposed","channels":["email","sms"]},{"event":"complaintResolved","channels":["email","sms"]},{"event":"complaintClosed","channels":["email"]},{"event":"assigned","channels":["email"]}],"quietHours":"21:00-08:00"}""",
        [typeof(NotificationTemplateInput)] = """{"subject":"我们已受理您的投诉 {{number}}","body":"{{customerName}}，您好：\n\n我们已收到您关于“{{title}}”的投诉，受理编号为 {{number}}。负责的同事将在 {{firstContactDue}} 前与您联系。\n\n客服中心"}""",
        [typeof(DepartmentRobotInput)] = """{"webhookUrl":"https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","secret":"SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}""",
        [typeof(PreviewNotificationTemplateInput)] = """{"complaintId":"01939a6e-5d1c-7b44-afb0-837ca1630a0e","subject":null,"body":null}""",
        [typeof(StatusCodeRequestInput)] = """{"number":"CC-2026-000123","contact":"138 0013 8000"}""",
        [typeof(StatusLookupInput)] = """{"number":"CC-2026-000123","contact":"138 0013 8000","code":"482913"}""",
        [typeof(StaffNotificationSettings)] = """{"receive":["assigned","slaAtRisk","slaBreached"]}""",
        [typeof(SignInInput)] = """{"email":"agent@customercare.example","password":"Initial-Passw0rd-2026"}""",
        [typeof(DepartmentInput)] = """{"name":"Billing Support","code":"BIL","parentId":null,"supervisorId":null}""",
        [typeof(CreateStaffMemberInput)] = """{"name":"Li Wei","email":"li.wei@customercare.example","departmentId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","roles":["agent"],"password":"Initial-Passw0rd-2026"}""",
        [typeof(PartnerInput)] = """{"name":"Acme Online Shop"}""",
        [typeof(UpdateStaffMemberInput)] = """{"name":"Li Wei","email":"li.wei@customercare.example","departmentId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","roles":["agent","techSupport"]}""",
        [typeof(ResetStaffPasswordInput)] = """{"newPassword":"Another-Passw0rd-2026"}""",
        [typeof(ChangePasswordInput)] = """{"currentPassword":"Initial-Passw0rd-2026","newPassword":"Another-Passw0rd-2026"}""",
        [typeof(IssuePartnerKeyInput)] = """{"name":"production","expiresAt":"2027-12-31T23:59:59+08:00"}""",
        [typeof(CreateWebhookInput)] = """{"url":"https://hooks.acme-shop.example/customercare","eventTypes":["complaint.received","complaint.statusChanged","complaint.closed"],"description":"Order desk","partnerId":null}""",
        [typeof(UpdateWebhookInput)] = """{"url":"https://hooks.acme-shop.example/customercare","eventTypes":["complaint.statusChanged","complaint.slaBreached"],"description":"Order desk","isActive":true}""",
        [typeof(RotatePartnerKeyInput)] = """{"gracePeriodHours":24}""",
        [typeof(MergeCustomersInput)] = """{"duplicateId":"01a208a5-30f9-78de-ac01-85564e2a3143"}""",
        [typeof(CustomerInput)] = """{"name":"Zhang Wei","company":"Acme Trading","segment":"vip","preferredChannel":"phone","preferredLanguage":"zh-CN","timeZone":"Asia/Shanghai","grade":"vip","birthday":"1985-09-12","consent":{"contactByPhone":true,"contactByEmail":true,"marketing":false},"contactPoints":[{"kind":"phone","value":"138 0013 8000","isPrimary":true},{"kind":"email","value":"zhang.wei@example.com","isPrimary":true}]}""",
        [typeof(ReceiveComplaintInput)] = """{"channel":"phone","customer":{"name":"Zhang Wei","phone":"138 0013 8000","email":null},"title":"Kettle leaks","description":"The new kettle leaks from the base after two days of use.","remedySought":"A replacement kettle","occurredAt":"2026-11-21T08:30:00+08:00","category":null,"externalReference":null,"product":"kettle-k2","location":"Xuhui store, Shanghai","scope":"singleCustomer"}""",
        [typeof(RegisterComplaintInput)] = """{"category":"productQuality","severity":"general","customerAcknowledged":true,"customerInformed":{"via":"phone","apologised":true,"promisedBy":"2026-12-04T18:00:00+08:00"},"scope":"singleCustomer"}""",
        [typeof(AssignComplaintInput)] = """{"departmentId":null,"assigneeId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","reason":"Quality specialist for kettles"}""",
        [typeof(LogCustomerContactInput)] = """{"channel":"phone","direction":"outbound","summary":"Called the customer: confirmed the leak, asked for photos."}""",
        [typeof(RecordInvestigationInput)] = """{"findings":"The base seal was faulty.","cause":"terminal","rootCause":"Supplier batch 42 used the wrong gasket.","isGenuine":true,"evidence":["photo-1.jpg","lab report QA-2026-17"],"improvementActionId":"01a23a9c-5e1f-7c2d-9a7b-3c4d5e6f7a8b"}""",
        [typeof(ProposeSolutionInput)] = """{"summary":"Replace the kettle and refund delivery.","steps":[{"description":"Ship a new kettle","ownerId":null,"dueAt":"2026-11-25T18:00:00+08:00","done":false}],"communicatedVia":"phone","communicatedAt":null}""",
        [typeof(RecordCustomerResponseInput)] = """{"accepted":false,"comment":"I would rather have a refund.","recourseOffered":"Escalation to the after-sales manager."}""",
        [typeof(ResolveComplaintInput)] = """{"outcome":"Kettle replaced; delivery refunded.","compensationAmount":30,"compensationCurrency":"CNY","compensationDescription":"Delivery fee refund","fedBackVia":"phone"}""",
        [typeof(ReopenComplaintInput)] = """{"reason":"The replacement leaks as well."}""",
        [typeof(CloseComplaintInput)] = """{"reason":"resolved","satisfaction":5,"comment":"Quick and friendly.","duplicateOfId":null}""",
        [typeof(AddComplaintNoteInput)] = """{"text":"Customer prefers calls after 18:00."}""",
        [typeof(ReplyToComplaintInput)] = """{"text":"您好，新水壶已于今天发出，快递单号 SF1234567890，预计明天送达。"}""",
        [typeof(ReclassifyComplaintInput)] = """{"category":"technicalFault","severity":"major","reason":"The leak is an electrical fault: a safety risk."}""",
        [typeof(PauseSlaInput)] = """{"reason":"waitingForCustomer","comment":"Waiting for photos of the base."}""",
        [typeof(SurveyInput)] = """{"name":"Quarterly satisfaction","description":"How are we doing?","questions":[{"key":"overall","text":"Overall, how satisfied are you with our service?","kind":"score5","isOverall":true,"required":true},{"key":"speed","text":"How quickly were your requests handled?","kind":"score5","required":true},{"key":"recommend","text":"How likely are you to recommend us?","kind":"score10"},{"key":"contact","text":"How did you last contact us?","kind":"singleChoice","options":["Phone","E-mail","Chat"]},{"key":"comment","text":"What should we do better?","kind":"freeText"}]}""",
        [typeof(CreateCampaignInput)] = """{"surveyId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","name":"VIP quarterly 2027","schedule":"quarterly","segment":"vip","customerIds":null,"channel":"email","product":null,"responseDays":14,"startsAt":"2027-01-04T09:00:00+08:00"}""",
        [typeof(SubmitSurveyResponseInput)] = """{"answers":[{"questionKey":"overall","score":4},{"questionKey":"speed","score":5},{"questionKey":"contact","choice":"Phone"},{"questionKey":"comment","text":"Friendly people, keep it up."}]}""",
        [typeof(ReceiveFeedbackInput)] = """{"customerId":"01a208a5-30f9-78de-ac01-85564e2a3143","kind":"suggestion","channel":"webForm","subject":"Order tracking by SMS","text":"Please send me an SMS when my parcel leaves the warehouse."}""",
        [typeof(StartFeedbackInput)] = """{"handlerId":null}""",
        [typeof(AnswerFeedbackInput)] = """{"answer":"Thank you: SMS tracking goes live next month.","accepted":true,"improvementActionId":"01a23a9c-5e1f-7c2d-9a7b-3c4d5e6f7a8b","rewardPoints":200}""",
        [typeof(CreateCareTaskInput)] = """{"kind":"keyCustomerContact","customerId":"01a208a5-30f9-78de-ac01-85564e2a3143","complaintId":null,"ownerId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","dueOn":"2026-12-01","subject":"Quarterly call with a key customer","notes":"Ask about the new contract."}""",
        [typeof(CompleteCareTaskInput)] = """{"result":"satisfied","outcome":"The replacement works; the customer thanked us."}""",
        [typeof(CancelCareTaskInput)] = """{"reason":"The customer asked not to be called."}""",
        [typeof(RescheduleCareTaskInput)] = """{"ownerId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","dueOn":"2026-12-03"}""",
        [typeof(FileReComplaintInput)] = """{"description":"The replacement kettle leaks too.","remedySought":"A refund","channel":"email"}""",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || !Examples.TryGetValue(context.Type, out var example))
        {
            return;
        }

        concrete.Example = JsonNode.Parse(example);
        if (context.Type == typeof(SignInInput) && configuration["CustomerCare:Bootstrap:DemoStaffPassword"] is { Length: > 0 } demoPassword)
        {
            concrete.Example = new JsonObject { ["email"] = DemoAgentEmail, ["password"] = demoPassword };
        }
    }
}
