using System.Net;
using System.Text;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Security;

/// <summary>
/// Every endpoint × every kind of caller: who is let in (any status but 401/403), who is turned away as
/// unauthenticated (401) or as not allowed (403). A new endpoint fails <see cref="EveryEndpoint_IsInTheMatrixWithADeclaredPolicy"/>
/// until it declares a policy and is added here.
/// </summary>
[NonParallelizable]
public class PermissionMatrixTests
{
    public enum Caller
    {
        Anonymous,
        Partner,
        Agent,
        Supervisor,
        Manager,
        TechSupport,
        AfterSales,
        CustomerRelations,
        Admin,
    }

    private static readonly Caller[] AllStaff =
        [Caller.Agent, Caller.Supervisor, Caller.Manager, Caller.TechSupport, Caller.AfterSales, Caller.CustomerRelations, Caller.Admin];

    private static readonly Caller[] Everyone = [Caller.Anonymous, Caller.Partner, .. AllStaff];
    private static readonly Caller[] StaffOrPartner = [Caller.Partner, .. AllStaff];
    private static readonly Caller[] AdminOnly = [Caller.Admin];
    private static readonly Caller[] SupervisorOrAbove = [Caller.Supervisor, Caller.Manager, Caller.Admin];
    private static readonly Caller[] AdminOrPartner = [Caller.Partner, Caller.Admin];
    private static readonly Caller[] PartnerOnly = [Caller.Partner];

    /// <summary>Endpoint name → the callers it lets in.</summary>
    private static readonly Dictionary<string, Caller[]> Matrix = new()
    {
        ["SignIn"] = Everyone,
        ["GetCurrentUser"] = StaffOrPartner,
        ["GetReferenceData"] = StaffOrPartner,
        ["ChangePassword"] = AllStaff,

        ["ListDepartments"] = AllStaff,
        ["GetDepartment"] = AllStaff,
        ["CreateDepartment"] = AdminOnly,
        ["UpdateDepartment"] = AdminOnly,
        ["DeactivateDepartment"] = AdminOnly,
        ["ActivateDepartment"] = AdminOnly,
        ["ListDepartmentRobots"] = AdminOnly,
        ["SetDepartmentRobot"] = AdminOnly,
        ["RemoveDepartmentRobot"] = AdminOnly,

        ["ListStaff"] = AllStaff,
        ["GetStaffMember"] = AllStaff,
        ["CreateStaffMember"] = AdminOnly,
        ["UpdateStaffMember"] = AdminOnly,
        ["DeactivateStaffMember"] = AdminOnly,
        ["ActivateStaffMember"] = AdminOnly,
        ["ResetStaffPassword"] = AdminOnly,

        ["ListPartners"] = AdminOnly,
        ["GetPartner"] = AdminOnly,
        ["CreatePartner"] = AdminOnly,
        ["UpdatePartner"] = AdminOnly,
        ["DeactivatePartner"] = AdminOnly,
        ["ActivatePartner"] = AdminOnly,
        ["ListPartnerKeys"] = AdminOnly,
        ["IssuePartnerKey"] = AdminOnly,
        ["RevokePartnerKey"] = AdminOnly,
        ["RotatePartnerKey"] = AdminOnly,

        ["ListCustomers"] = AllStaff,
        ["GetCustomer"] = AllStaff,
        ["GetCustomerOverview"] = AllStaff,
        ["CreateCustomer"] = AllStaff,
        ["UpdateCustomer"] = AllStaff,
        ["MergeCustomers"] = SupervisorOrAbove,
        ["PlanFollowUps"] = SupervisorOrAbove,
        ["EndFollowUpPlan"] = SupervisorOrAbove,
        ["ExportCustomer"] = AdminOnly,
        ["EraseCustomer"] = AdminOnly,

        ["ListAccessRecords"] = AdminOnly,

        ["ListCategories"] = AllStaff,
        ["GetCategory"] = AllStaff,
        ["PutCategory"] = AdminOnly,
        ["DeleteCategory"] = AdminOnly,
        ["ListCauses"] = AllStaff,
        ["GetCause"] = AllStaff,
        ["PutCause"] = AdminOnly,
        ["DeleteCause"] = AdminOnly,
        ["ListCustomerGrades"] = AllStaff,
        ["GetCustomerGrade"] = AllStaff,
        ["PutCustomerGrade"] = AdminOnly,
        ["DeleteCustomerGrade"] = AdminOnly,
        ["ListCalendars"] = AllStaff,
        ["GetCalendar"] = AllStaff,
        ["PutCalendar"] = AdminOnly,
        ["DeleteCalendar"] = AdminOnly,
        ["GetCalendarYear"] = AllStaff,
        ["PutCalendarYear"] = AdminOnly,
        ["GetCalendarSettings"] = AllStaff,
        ["UpdateCalendarSettings"] = AdminOnly,
        ["GetSlaPolicySettings"] = AllStaff,
        ["UpdateSlaPolicySettings"] = AdminOnly,
        ["GetNotificationSettings"] = AllStaff,
        ["ListNotificationTemplates"] = AllStaff,
        ["GetNotificationTemplate"] = AllStaff,
        ["UpdateNotificationTemplate"] = AdminOnly,
        ["ResetNotificationTemplate"] = AdminOnly,
        ["PreviewNotificationTemplate"] = AdminOnly,
        ["UpdateNotificationSettings"] = AdminOnly,

        ["ReceiveComplaint"] = StaffOrPartner,
        ["ListComplaints"] = StaffOrPartner,
        ["GetComplaint"] = StaffOrPartner,
        ["GetComplaintTimeline"] = StaffOrPartner,
        ["GetComplaintNotifications"] = AllStaff,
        ["GetMyNotificationSettings"] = AllStaff,
        ["UpdateMyNotificationSettings"] = AllStaff,
        ["RequestStatusCode"] = Everyone,
        ["LookUpComplaintStatus"] = Everyone,
        ["GetSlaByDepartment"] = SupervisorOrAbove,
        ["RegisterComplaint"] = AllStaff,
        ["AssignComplaint"] = AllStaff,
        ["LogCustomerContact"] = AllStaff,
        ["RecordInvestigation"] = AllStaff,
        ["ProposeSolution"] = AllStaff,
        ["RecordCustomerResponse"] = AllStaff,
        ["ResolveComplaint"] = AllStaff,
        ["ReopenComplaint"] = AllStaff,
        ["CloseComplaint"] = AllStaff,
        ["AddComplaintNote"] = AllStaff,
        ["ReplyToComplaint"] = AllStaff,
        ["FileReComplaint"] = AllStaff,
        ["ReclassifyComplaint"] = AllStaff,
        ["PauseSla"] = AllStaff,
        ["ResumeSla"] = AllStaff,
        ["CompleteSolutionStep"] = AllStaff,
        ["ReturnComplaintToQueue"] = AllStaff,
        ["ApproveSolution"] = AllStaff,
        ["SendBackSolution"] = AllStaff,
        ["ImportComplaints"] = PartnerOnly,
        ["GetComplaintImport"] = PartnerOnly,
        ["ListComplaintImportRows"] = PartnerOnly,

        ["GetChangeFeed"] = StaffOrPartner,

        ["ListWebhooks"] = AdminOrPartner,
        ["CreateWebhook"] = AdminOrPartner,
        ["GetWebhook"] = AdminOrPartner,
        ["UpdateWebhook"] = AdminOrPartner,
        ["DeleteWebhook"] = AdminOrPartner,
        ["RotateWebhookSecret"] = AdminOrPartner,
        ["ListWebhookDeliveries"] = AdminOrPartner,
        ["ResendWebhookDelivery"] = AdminOrPartner,

        ["ListSurveys"] = AllStaff,
        ["CreateSurvey"] = SupervisorOrAbove,
        ["GetSurvey"] = AllStaff,
        ["ReviseSurvey"] = SupervisorOrAbove,
        ["GetSurveyAnalysis"] = SupervisorOrAbove,
        ["ListCampaigns"] = AllStaff,
        ["CreateCampaign"] = SupervisorOrAbove,
        ["GetCampaign"] = AllStaff,
        ["StopCampaign"] = SupervisorOrAbove,
        ["ListInvitations"] = SupervisorOrAbove,
        ["GetSurveyForm"] = Everyone,
        ["SubmitSurveyResponse"] = Everyone,

        ["ListFeedback"] = AllStaff,
        ["ReceiveFeedback"] = AllStaff,
        ["GetFeedback"] = AllStaff,
        ["AcknowledgeFeedback"] = AllStaff,
        ["StartFeedback"] = AllStaff,
        ["AnswerFeedback"] = AllStaff,

        ["ListCareTasks"] = AllStaff,
        ["CreateCareTask"] = AllStaff,
        ["ScheduleGreetings"] = SupervisorOrAbove,
        ["ListIncidents"] = AllStaff,
        ["OpenIncident"] = SupervisorOrAbove,
        ["GetIncident"] = StaffOrPartner,
        ["LinkComplaintsToIncident"] = SupervisorOrAbove,
        ["ResolveIncident"] = SupervisorOrAbove,
        ["ListImprovementActions"] = AllStaff,
        ["PlanImprovementAction"] = SupervisorOrAbove,
        ["GetImprovementAction"] = AllStaff,
        ["ReplanImprovementAction"] = AllStaff,
        ["StartImprovementAction"] = AllStaff,
        ["CompleteImprovementAction"] = AllStaff,
        ["ReviewImprovementAction"] = SupervisorOrAbove,
        ["UploadAttachment"] = StaffOrPartner,
        ["ListAttachments"] = StaffOrPartner,
        ["DownloadAttachment"] = StaffOrPartner,
        ["DeleteAttachment"] = StaffOrPartner,
        ["GetCareTask"] = AllStaff,
        ["CompleteCareTask"] = AllStaff,
        ["CancelCareTask"] = AllStaff,
        ["RescheduleCareTask"] = AllStaff,

        ["GetComplaintSummary"] = SupervisorOrAbove,
        ["GetComplaintTrend"] = SupervisorOrAbove,
        ["GetComplaintHotspots"] = SupervisorOrAbove,
        ["GetOpenBreaches"] = SupervisorOrAbove,
        ["GetOverdueImprovementActions"] = SupervisorOrAbove,
        ["GetStaffPerformance"] = SupervisorOrAbove,
    };

    private readonly Dictionary<Caller, HttpClient> _clients = [];

    [OneTimeSetUp]
    public async Task CreateCallersAsync()
    {
        await Testing.ResetDatabaseAsync();
        _clients[Caller.Anonymous] = ApiClient.CreateClient();
        _clients[Caller.Partner] = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync()).Key);
        _clients[Caller.Admin] = await ApiClient.AsAdminAsync();
        foreach (var caller in AllStaff.Where(c => c != Caller.Admin))
        {
            _clients[caller] = await ApiClient.AsStaffAsync(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(caller.ToString()));
        }
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private static IEnumerable<RouteEndpoint> ApiEndpoints() =>
        Testing.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);

    [Test]
    public void EveryEndpoint_IsInTheMatrixWithADeclaredPolicy()
    {
        var endpoints = ApiEndpoints().ToList();
        var names = endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.RoutePattern.RawText!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EquivalentTo(Matrix.Keys), "every /api endpoint has a name and a row in the matrix");
            foreach (var endpoint in endpoints)
            {
                var declared = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy));
                Assert.That(declared, Is.True, $"{endpoint.RoutePattern.RawText} declares neither a policy nor AllowAnonymous");
            }
        });
    }

    private static IEnumerable<TestCaseData> Cases() =>
        Matrix.Select(row => new TestCaseData(row.Key).SetName($"Permissions_{row.Key}"));

    [TestCaseSource(nameof(Cases))]
    public async Task Endpoint_LetsInExactlyItsCallers(string name)
    {
        var endpoint = ApiEndpoints().Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name);
        var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0];
        var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => Guid.NewGuid().ToString(),
            _ => throw new InvalidOperationException($"Unexpected route part in {endpoint.RoutePattern.RawText}"),
        }))));

        Assert.Multiple(async () =>
        {
            foreach (var (caller, client) in _clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = response.StatusCode;
                if (Matrix[name].Contains(caller))
                {
                    Assert.That(status, Is.Not.EqualTo(HttpStatusCode.Unauthorized).And.Not.EqualTo(HttpStatusCode.Forbidden),
                        $"{caller} must be let into {method} {path}");
                    Assert.That((int)status, Is.LessThan(500), $"{caller} on {method} {path}");
                }
                else
                {
                    var expected = caller == Caller.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                    Assert.That(status, Is.EqualTo(expected), $"{caller} must be refused {method} {path}");
                    Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                }
            }
        });
    }
}
