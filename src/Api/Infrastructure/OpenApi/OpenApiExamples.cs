using System.Text.Json.Nodes;
using CustomerCare.Api.Endpoints;
using CustomerCare.Application.Customers;
using CustomerCare.Application.Settings;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>Example bodies for the requests, shown in Swagger UI ("Try it out" starts from them) and in openapi.yaml.</summary>
public sealed class OpenApiExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(CalendarSettings)] = """{"timeZone":"Asia/Shanghai","workingHours":{"monday":["09:00-12:00","13:00-18:00"],"tuesday":["09:00-18:00"],"wednesday":["09:00-18:00"],"thursday":["09:00-18:00"],"friday":["09:00-18:00"]},"holidays":["2026-10-01","2026-10-02","2026-10-05"],"makeUpWorkingDays":["2026-10-10"]}""",
        [typeof(SlaPolicySettings)] = """{"atRiskFraction":0.8,"targets":{"general":{"registered":"PT1H","assigned":"PT2H","firstContact":"P1D","solutionProposed":"P3D","resultFedBack":"P3D"},"major":{"registered":"PT1H","assigned":"PT1H","firstContact":"PT4H","solutionProposed":"P5D","resultFedBack":"P3D"}}}""",
        [typeof(SignInRequest)] = """{"email":"agent@customercare.example","password":"your-password"}""",
        [typeof(DepartmentRequest)] = """{"name":"Billing Support","code":"BIL","parentId":null,"supervisorId":null}""",
        [typeof(CreateStaffMemberRequest)] = """{"name":"Li Wei","email":"li.wei@customercare.example","departmentId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","roles":["agent"],"password":"Initial-Passw0rd-2026"}""",
        [typeof(PartnerRequest)] = """{"name":"Acme Online Shop"}""",
        [typeof(UpdateStaffMemberRequest)] = """{"name":"Li Wei","email":"li.wei@customercare.example","departmentId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","roles":["agent","techSupport"]}""",
        [typeof(ResetPasswordRequest)] = """{"newPassword":"Another-Passw0rd-2026"}""",
        [typeof(ChangePasswordRequest)] = """{"currentPassword":"Initial-Passw0rd-2026","newPassword":"Another-Passw0rd-2026"}""",
        [typeof(IssueKeyRequest)] = """{"name":"production","expiresAt":"2027-12-31T23:59:59+08:00"}""",
        [typeof(WebhookRequest)] = """{"url":"https://hooks.acme-shop.example/customercare","eventTypes":["complaint.received","complaint.statusChanged","complaint.closed"],"description":"Order desk","partnerId":null}""",
        [typeof(WebhookUpdateRequest)] = """{"url":"https://hooks.acme-shop.example/customercare","eventTypes":["complaint.statusChanged","complaint.slaBreached"],"description":"Order desk","isActive":true}""",
        [typeof(RotateKeyRequest)] = """{"gracePeriodHours":24}""",
        [typeof(MergeRequest)] = """{"duplicateId":"01a208a5-30f9-78de-ac01-85564e2a3143"}""",
        [typeof(CustomerInput)] = """{"name":"Zhang Wei","company":"Acme Trading","segment":"vip","preferredChannel":"phone","preferredLanguage":"zh-CN","consent":{"contactByPhone":true,"contactByEmail":true,"marketing":false},"contactPoints":[{"kind":"phone","value":"138 0013 8000","isPrimary":true},{"kind":"email","value":"zhang.wei@example.com","isPrimary":true}]}""",
        [typeof(ReceiveComplaintRequest)] = """{"channel":"phone","customer":{"name":"Zhang Wei","phone":"138 0013 8000","email":null},"title":"Kettle leaks","description":"The new kettle leaks from the base after two days of use.","remedySought":"A replacement kettle","occurredAt":"2026-11-21T08:30:00+08:00","category":null,"externalReference":null,"product":"kettle-k2"}""",
        [typeof(RegisterRequest)] = """{"category":"productQuality","severity":"general","customerAcknowledged":true}""",
        [typeof(AssignRequest)] = """{"departmentId":null,"assigneeId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","reason":"Quality specialist for kettles"}""",
        [typeof(ContactRequest)] = """{"channel":"phone","direction":"outbound","summary":"Called the customer: confirmed the leak, asked for photos."}""",
        [typeof(InvestigationRequest)] = """{"findings":"The base seal was faulty.","rootCause":"Supplier batch 42 used the wrong gasket.","isGenuine":true,"evidence":["photo-1.jpg","lab report QA-2026-17"],"correctiveAction":"Supplier audit and incoming inspection of gaskets."}""",
        [typeof(SolutionRequest)] = """{"summary":"Replace the kettle and refund delivery.","steps":[{"description":"Ship a new kettle","ownerId":null,"dueAt":"2026-11-25T18:00:00+08:00","done":false}],"communicatedVia":"phone","communicatedAt":null}""",
        [typeof(CustomerResponseRequest)] = """{"accepted":false,"comment":"I would rather have a refund.","recourseOffered":"Escalation to the after-sales manager."}""",
        [typeof(ResolveRequest)] = """{"outcome":"Kettle replaced; delivery refunded.","compensationAmount":30,"compensationCurrency":"CNY","compensationDescription":"Delivery fee refund"}""",
        [typeof(ReasonRequest)] = """{"reason":"The replacement leaks as well."}""",
        [typeof(CloseRequest)] = """{"reason":"resolved","satisfaction":5,"comment":"Quick and friendly.","duplicateOfId":null}""",
        [typeof(NoteRequest)] = """{"text":"Customer prefers calls after 18:00."}""",
        [typeof(ReclassifyRequest)] = """{"category":"technicalFault","severity":"major","reason":"The leak is an electrical fault: a safety risk."}""",
        [typeof(PauseSlaRequest)] = """{"reason":"waitingForCustomer","comment":"Waiting for photos of the base."}""",
        [typeof(SurveyRequest)] = """{"name":"Quarterly satisfaction","description":"How are we doing?","questions":[{"key":"overall","text":"Overall, how satisfied are you with our service?","kind":"score5","isOverall":true,"required":true},{"key":"speed","text":"How quickly were your requests handled?","kind":"score5","required":true},{"key":"recommend","text":"How likely are you to recommend us?","kind":"score10"},{"key":"contact","text":"How did you last contact us?","kind":"singleChoice","options":["Phone","E-mail","Chat"]},{"key":"comment","text":"What should we do better?","kind":"freeText"}]}""",
        [typeof(CampaignRequest)] = """{"surveyId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","name":"VIP quarterly 2027","schedule":"quarterly","segment":"vip","customerIds":null,"channel":"email","product":null,"responseDays":14,"startsAt":"2027-01-04T09:00:00+08:00"}""",
        [typeof(SurveyResponseRequest)] = """{"answers":[{"questionKey":"overall","score":4},{"questionKey":"speed","score":5},{"questionKey":"contact","choice":"Phone"},{"questionKey":"comment","text":"Friendly people, keep it up."}]}""",
        [typeof(FeedbackRequest)] = """{"customerId":"01a208a5-30f9-78de-ac01-85564e2a3143","kind":"suggestion","channel":"webForm","subject":"Order tracking by SMS","text":"Please send me an SMS when my parcel leaves the warehouse."}""",
        [typeof(StartFeedbackRequest)] = """{"handlerId":null}""",
        [typeof(AnswerFeedbackRequest)] = """{"answer":"Thank you: SMS tracking goes live next month.","accepted":true,"improvementAction":"Add SMS notifications for shipped orders (ticket OPS-311).","rewardPoints":200}""",
        [typeof(CareTaskRequest)] = """{"kind":"keyCustomerContact","customerId":"01a208a5-30f9-78de-ac01-85564e2a3143","complaintId":null,"ownerId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","dueOn":"2026-12-01","subject":"Quarterly call with a key customer","notes":"Ask about the new contract."}""",
        [typeof(CompleteCareTaskRequest)] = """{"result":"satisfied","outcome":"The replacement works; the customer thanked us."}""",
        [typeof(CancelCareTaskRequest)] = """{"reason":"The customer asked not to be called."}""",
        [typeof(RescheduleCareTaskRequest)] = """{"ownerId":"01a208a5-2fec-7b44-afb0-837ca1630a0e","dueOn":"2026-12-03"}""",
        [typeof(ReComplaintRequest)] = """{"description":"The replacement kettle leaks too.","remedySought":"A refund","channel":"email"}""",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Example = JsonNode.Parse(example);
        }
    }
}
