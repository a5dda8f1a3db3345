using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Complaints;

public class ComplaintLifecycleTests : IntegrationTest
{
    private HttpClient _agentClient = null!;
    private ComplaintApi _agent = null!;
    private Guid _agentId;

    [SetUp]
    public async Task SignInAgentAsync()
    {
        var (id, email) = await ApiClient.CreateStaffAsync("agent");
        _agentId = id;
        _agentClient = ApiClient.WithBearer(await ApiClient.SignInAsync(email, ApiClient.StaffPassword));
        _agent = new ComplaintApi(_agentClient);
    }

    [TearDown]
    public void SignOutAgent() => _agentClient.Dispose();

    [Test]
    public async Task HappyPath_FromReceiptToClose_WithTimeline()
    {
        var response = await _agentClient.PostAsJsonAsync("/api/v1/complaints", ComplaintApi.NewComplaint());
        await response.AssertStatusAsync(HttpStatusCode.Created);
        var received = await response.ReadJsonAsync();
        var id = received.GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/complaints/{id}"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(received.GetProperty("number").GetString(), Does.Match(@"^CC-\d{4}-\d{6}$"));
            Assert.That(received.GetProperty("status").GetString(), Is.EqualTo("received"));
            Assert.That(received.GetProperty("firstResponderId").GetGuid(), Is.EqualTo(_agentId));
            Assert.That(received.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Does.Contain("register"));
        });

        var registered = await _agent.DoAsync(id, "register", new { category = "productQuality", severity = "major", customerAcknowledged = true });
        var qa = await ApiClient.DepartmentIdAsync("QA");
        Assert.That(registered.GetProperty("responsibleDepartmentId").GetGuid(), Is.EqualTo(qa), "routed by category");

        var specialist = await ApiClient.CreateStaffAsync("techSupport", qa);
        using var qaHeadClient = ApiClient.WithBearer(await ApiClient.SignInAsync((await ApiClient.CreateStaffAsync("supervisor", qa)).Email, ApiClient.StaffPassword));
        var assigned = await new ComplaintApi(qaHeadClient).DoAsync(id, "assign", new { assigneeId = specialist.Id, reason = "Quality specialist" });
        Assert.That(assigned.GetProperty("assigneeId").GetGuid(), Is.EqualTo(specialist.Id));

        await _agent.DoAsync(id, "contacts", new { channel = "phone", direction = "outbound", summary = "Told the customer we are on it" });
        await _agent.DoAsync(id, "investigation", ComplaintApi.Investigation);
        await _agent.DoAsync(id, "solution", ComplaintApi.Solution);
        await new ComplaintApi(qaHeadClient).DoAsync(id, "solution/approve", new { }); // a major complaint's solution
        await _agent.DoAsync(id, "customer-response", new { accepted = true, comment = "OK" });
        await _agent.DoAsync(id, "resolve", new { outcome = "Kettle replaced", compensationAmount = 50, compensationCurrency = "cny", fedBackVia = "phone" });
        var closed = await _agent.DoAsync(id, "close", new { reason = "resolved", satisfaction = 5, comment = "Quick and friendly" });

        Assert.Multiple(async () =>
        {
            Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("closed"));
            Assert.That(closed.GetProperty("closing").GetProperty("satisfaction").GetInt32(), Is.EqualTo(5));
            Assert.That(closed.GetProperty("resolution").GetProperty("compensationCurrency").GetString(), Is.EqualTo("CNY"));
            Assert.That(closed.GetProperty("investigation").GetProperty("evidence")[0].GetString(), Is.EqualTo("photo-1.jpg"));
            Assert.That(closed.GetProperty("solution").GetProperty("steps")[0].GetProperty("description").GetString(), Is.EqualTo("Ship a new kettle"));
            Assert.That(closed.GetProperty("firstResponderId").GetGuid(), Is.EqualTo(_agentId), "the first responder never changes");
            Assert.That(closed.GetProperty("firstContactAt").ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(await _agent.TimelineKindsAsync(id), Is.EqualTo(new[]
            {
                "received", "registered", "assigned", "contactLogged", "investigated", "solutionSubmitted", "solutionApproved", "solutionProposed",
                "solutionAccepted", "resolved", "closed",
            }));
        });
    }

    [Test]
    public async Task RejectedSolution_GoesBackToInvestigation_ThenOnToResolution()
    {
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        await _agent.DoAsync(id, "register", new { category = "productQuality", severity = "general", customerAcknowledged = true });
        await _agent.DoAsync(id, "investigation", ComplaintApi.Investigation);
        await _agent.DoAsync(id, "solution", ComplaintApi.Solution);

        var rejected = await _agent.DoAsync(id, "customer-response", new { accepted = false, comment = "I want a refund", recourseOffered = "Escalation to the manager" });
        Assert.That(rejected.GetProperty("status").GetString(), Is.EqualTo("investigated"));

        await _agent.DoAsync(id, "solution", new { summary = "Full refund", communicatedVia = "email" });
        await _agent.DoAsync(id, "customer-response", new { accepted = true });
        var resolved = await _agent.DoAsync(id, "resolve", new { outcome = "Refunded", fedBackVia = "phone" });

        Assert.That(resolved.GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(await _agent.TimelineKindsAsync(id), Does.Contain("solutionRejected"));
    }

    [Test]
    public async Task Reopen_FromResolved_GoesBackToInvestigated()
    {
        var id = await _agent.BringToResolvedAsync();

        var reopened = await _agent.DoAsync(id, "reopen", new { reason = "It leaks again" });

        Assert.Multiple(() =>
        {
            Assert.That(reopened.GetProperty("status").GetString(), Is.EqualTo("investigated"));
            Assert.That(reopened.GetProperty("resolution").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task ReComplaint_AfterClosing_IsANewComplaintOneLevelUp()
    {
        var id = await _agent.BringToResolvedAsync();
        await _agent.DoAsync(id, "close", new { reason = "resolved", satisfaction = 2 });

        var response = await _agent.ActAsync(id, "re-complaints", new { description = "The replacement leaks too", channel = "email" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var again = await response.ReadJsonAsync();
        var original = (await _agent.GetAsync(id)).Body;
        Assert.Multiple(async () =>
        {
            Assert.That(again.GetProperty("reComplaintOfId").GetGuid(), Is.EqualTo(id));
            Assert.That(again.GetProperty("escalationLevel").GetInt32(), Is.EqualTo(1));
            Assert.That(again.GetProperty("status").GetString(), Is.EqualTo("received"));
            Assert.That(again.GetProperty("category").GetString(), Is.EqualTo("productQuality"));
            Assert.That(original.GetProperty("status").GetString(), Is.EqualTo("closed"));
            Assert.That((await _agent.TimelineKindsAsync(id)).Last(), Is.EqualTo("reComplained"));
        });
    }

    [Test]
    public async Task EarlyClose_AsDuplicate_LinksTheOriginal()
    {
        var first = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        var second = (await _agent.ReceiveAsync(ComplaintApi.NewComplaint("Kettle leaks (again)"))).GetProperty("id").GetGuid();

        await (await _agent.ActAsync(second, "close", new { reason = "duplicate" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var closed = await _agent.DoAsync(second, "close", new { reason = "duplicate", duplicateOfId = first });

        Assert.Multiple(() =>
        {
            Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("closed"));
            Assert.That(closed.GetProperty("duplicateOfId").GetGuid(), Is.EqualTo(first));
            Assert.That(closed.GetProperty("closing").GetProperty("reason").GetString(), Is.EqualTo("duplicate"));
        });
    }

    [Test]
    public async Task StaleETag_Answers412AndChangesNothing_MissingIfMatch_Answers428()
    {
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        var (_, etag) = await _agent.GetAsync(id);
        await _agent.DoAsync(id, "notes", new { text = "First note" });

        var stale = await _agent.ActAsync(id, "register", new { category = "other", severity = "general" }, etag);
        var none = await _agentClient.PostAsJsonAsync($"/api/v1/complaints/{id}/register", new { category = "other", severity = "general" });

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await none.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var (body, _) = await _agent.GetAsync(id);
        Assert.Multiple(async () =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("received"));
            Assert.That(await _agent.TimelineKindsAsync(id), Is.EqualTo(new[] { "received", "noteAdded" }));
        });
    }

    [Test]
    public async Task IllegalTransition_Answers409WithCurrentStateAndAllowedActions()
    {
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();

        var response = await _agent.ActAsync(id, "resolve", new { outcome = "Done", fedBackVia = "phone" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("complaint.invalidTransition"));
            Assert.That(problem.GetProperty("currentStatus").GetString(), Is.EqualTo("received"));
            Assert.That(problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
                Is.EquivalentTo(new[] { "register", "assign", "logContact", "close", "addNote", "reply", "pauseSla" }));
        });
    }

    [TestCase("title", "")]
    [TestCase("category", "unicorns")]
    [TestCase("occurredAt", "2999-01-01T00:00:00Z")]
    [TestCase("channel", "telepathy")]
    [TestCase("occurredAt", "0001-01-01T00:00:00Z")]
    public async Task Receive_WithBadInput_Answers400(string field, string value)
    {
        var body = new Dictionary<string, object?>
        {
            ["channel"] = "phone", ["customer"] = new { name = "A", phone = "13800138000" }, ["title"] = "T", ["description"] = "D",
        };
        body[field] = value;

        var response = await _agentClient.PostAsJsonAsync("/api/v1/complaints", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name.TrimStart('$', '.')), Does.Contain(field), problem.ToString());
    }

    [Test]
    public async Task Receive_MatchesTheCustomerByPhoneInAnyFormat()
    {
        var first = await _agent.ReceiveAsync(ComplaintApi.NewComplaint(phone: "+86 138 0013 8000"));
        var second = await _agent.ReceiveAsync(ComplaintApi.NewComplaint(phone: "0086 13800138000"));

        Assert.That(second.GetProperty("customerId").GetGuid(), Is.EqualTo(first.GetProperty("customerId").GetGuid()));
    }

    [Test]
    public async Task Register_ASecondComplaintOfTheSameCustomerAndCategory_IsARepeat()
    {
        var first = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        await _agent.DoAsync(first, "register", new { category = "logistics", severity = "general" });
        var second = (await _agent.ReceiveAsync(ComplaintApi.NewComplaint("Late again"))).GetProperty("id").GetGuid();

        var registered = await _agent.DoAsync(second, "register", new { category = "logistics", severity = "general" });

        Assert.Multiple(() =>
        {
            Assert.That(registered.GetProperty("repeatCount").GetInt32(), Is.EqualTo(1));
            Assert.That(registered.GetProperty("repeatOfId").GetGuid(), Is.EqualTo(first));
        });
    }

    [Test]
    public async Task ParallelTransitions_OnOneComplaint_OneWinsTheRestAreRefused()
    {
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        var (_, etag) = await _agent.GetAsync(id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            _agent.ActAsync(id, i % 2 == 0 ? "register" : "notes", i % 2 == 0 ? new { category = "other", severity = "general" } : new { text = $"note {i}" }, etag)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", statuses));
            Assert.That(statuses.Where(s => s != HttpStatusCode.OK), Has.All.EqualTo(HttpStatusCode.PreconditionFailed).Or.EqualTo(HttpStatusCode.Conflict));
            var timeline = await (await _agentClient.GetAsync($"/api/v1/complaints/{id}/timeline")).ReadJsonAsync();
            Assert.That(timeline.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public async Task Timeline_CannotBeChangedEvenInTheDatabase()
    {
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();

        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand($"UPDATE complaint_timeline SET text = 'rewritten' WHERE complaint_id = '{id}'", connection);
        await using var delete = new NpgsqlCommand($"DELETE FROM complaint_timeline WHERE complaint_id = '{id}'", connection);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await update.ExecuteNonQueryAsync(), Throws.InstanceOf<PostgresException>().With.Message.Contains("append-only"));
            Assert.That(async () => await delete.ExecuteNonQueryAsync(), Throws.InstanceOf<PostgresException>().With.Message.Contains("append-only"));
        });
    }

    [Test]
    public async Task AssignmentBelongsToTheDepartmentHead_AnAgentHandsAComplaintBackToTheQueueWithAReason()
    {
        var qa = await ApiClient.DepartmentIdAsync("QA");
        var cs = await ApiClient.DepartmentIdAsync("CS");
        using var qaHead = ApiClient.WithBearer(await ApiClient.SignInAsync((await ApiClient.CreateStaffAsync("supervisor", qa)).Email, ApiClient.StaffPassword));
        using var csHead = ApiClient.WithBearer(await ApiClient.SignInAsync((await ApiClient.CreateStaffAsync("supervisor", cs)).Email, ApiClient.StaffPassword));
        var (handlerId, handlerEmail) = await ApiClient.CreateStaffAsync("agent", qa);
        using var handler = ApiClient.WithBearer(await ApiClient.SignInAsync(handlerEmail, ApiClient.StaffPassword));
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        await _agent.DoAsync(id, "register", new { category = "productQuality", severity = "general" });

        var byAgent = await _agent.ActAsync(id, "assign", new { assigneeId = handlerId, reason = "I know someone" });
        var byOtherHead = await new ComplaintApi(csHead).ActAsync(id, "assign", new { assigneeId = handlerId, reason = "Not my department" },
            (await _agent.GetAsync(id)).ETag);
        var byHead = await new ComplaintApi(qaHead).DoAsync(id, "assign", new { assigneeId = handlerId, reason = "Kettle specialist" });
        var returnedByOther = await _agent.ActAsync(id, "return-to-queue", new { reason = "Not mine to give back" });
        var returned = await new ComplaintApi(handler).DoAsync(id, "return-to-queue", new { reason = "需要上门检修，我不负责上门" });
        var emptyReason = await new ComplaintApi(qaHead).ActAsync(id, "return-to-queue", new { reason = "" });

        Assert.Multiple(async () =>
        {
            var refused = await byAgent.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("supervisor"));
            await byOtherHead.AssertProblemAsync(HttpStatusCode.NotFound); // another department's head does not even see it
            Assert.That(byHead.GetProperty("assigneeId").GetGuid(), Is.EqualTo(handlerId));
            await returnedByOther.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(returned.GetProperty("assigneeId").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "back in the queue");
            Assert.That(returned.GetProperty("responsibleDepartmentId").GetGuid(), Is.EqualTo(qa), "of the same department");
            await emptyReason.AssertProblemAsync(HttpStatusCode.BadRequest);
            var timeline = await (await handler.GetAsync($"/api/v1/complaints/{id}/timeline")).ReadJsonAsync();
            var entry = timeline.EnumerateArray().Last();
            Assert.That(entry.GetProperty("kind").GetString(), Is.EqualTo("returnedToQueue"));
            Assert.That(entry.GetProperty("text").GetString(), Is.EqualTo("需要上门检修，我不负责上门"));
        });
    }

    [Test]
    public async Task AnOperatorWhoLetsAgentsAssign_SaysSo_AndAgentsAssign()
    {
        await using var factory = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Complaints:AgentsMayAssign", "true"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = _agentClient.DefaultRequestHeaders.Authorization;
        var agent = new ComplaintApi(client);
        var id = (await agent.ReceiveAsync()).GetProperty("id").GetGuid();
        await agent.DoAsync(id, "register", new { category = "productQuality", severity = "general" });

        var assigned = await agent.DoAsync(id, "assign", new { assigneeId = _agentId, reason = "Mine" });

        Assert.That(assigned.GetProperty("assigneeId").GetGuid(), Is.EqualTo(_agentId));
    }

    [Test]
    public async Task AReComplaint_GoesToTheSupervisorOfTheDepartmentOneLevelUp_AndOnlyStaffAtThatLevelActOnIt()
    {
        using var admin = await ApiClient.AsAdminAsync();
        var qa = await ApiClient.DepartmentIdAsync("QA");
        var centre = (await (await admin.PostAsJsonAsync("/api/v1/departments", new { name = "客户关系中心", code = "CRC" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PutAsJsonAsync($"/api/v1/departments/{qa}", new { name = "Quality", code = "QA", parentId = centre })).AssertStatusAsync(HttpStatusCode.OK);
        var (headId, headEmail) = await ApiClient.CreateStaffAsync("supervisor", centre);
        using var head = ApiClient.WithBearer(await ApiClient.SignInAsync(headEmail, ApiClient.StaffPassword));
        var id = await _agent.BringToResolvedAsync();
        await _agent.DoAsync(id, "close", new { reason = "resolved", satisfaction = 1 });

        var again = await (await _agent.ActAsync(id, "re-complaints", new { description = "换的新水壶还是漏水", channel = "phone" })).ReadJsonAsync();
        var reId = again.GetProperty("id").GetGuid();
        var byAgent = await _agent.ActAsync(reId, "contacts", new { channel = "phone", direction = "outbound", summary = "Called" });
        var byHead = await new ComplaintApi(head).ActAsync(reId, "contacts", new { channel = "phone", direction = "outbound", summary = "主管回电致歉" });
        var queue = await (await head.GetAsync("/api/v1/complaints?escalationLevel=1")).ReadJsonAsync();
        var notEscalated = await (await head.GetAsync("/api/v1/complaints?escalationLevel=0")).ReadJsonAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(again.GetProperty("escalationLevel").GetInt32(), Is.EqualTo(1));
            Assert.That(again.GetProperty("responsibleDepartmentId").GetGuid(), Is.EqualTo(centre), "one level up the tree");
            Assert.That(again.GetProperty("assigneeId").GetGuid(), Is.EqualTo(headId), "to its supervisor");
            var refused = await byAgent.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("supervisor"));
            await byHead.AssertStatusAsync(HttpStatusCode.OK);
            Assert.That(queue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Is.EqualTo(new[] { reId }));
            Assert.That(queue.GetProperty("items")[0].GetProperty("escalationLevel").GetInt32(), Is.EqualTo(1));
            Assert.That(notEscalated.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Not.Contain(reId));
        });
    }

    [Test]
    public async Task AMajorComplaintsSolution_ReachesTheCustomerOnlyOnceASupervisorApprovedIt_SentBackOnceWithAReason()
    {
        var qa = await ApiClient.DepartmentIdAsync("QA");
        using var qaHead = ApiClient.WithBearer(await ApiClient.SignInAsync((await ApiClient.CreateStaffAsync("supervisor", qa)).Email, ApiClient.StaffPassword));
        var head = new ComplaintApi(qaHead);
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        await _agent.DoAsync(id, "register", new { category = "productQuality", severity = "major" });
        await _agent.DoAsync(id, "investigation", ComplaintApi.Investigation);

        var submitted = await _agent.DoAsync(id, "solution", new { summary = "退款并赔偿 5000 元", communicatedVia = "phone" });
        var approvedByAgent = await _agent.ActAsync(id, "solution/approve", new { });
        var sentBack = await head.DoAsync(id, "solution/send-back", new { reason = "赔偿金额超出标准，请重新核定" });
        await _agent.DoAsync(id, "solution", new { summary = "退款并赔偿 500 元", communicatedVia = "phone" });
        var approved = await head.DoAsync(id, "solution/approve", new { });
        var kinds = await _agent.TimelineKindsAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That(submitted.GetProperty("status").GetString(), Is.EqualTo("investigated"), "not proposed yet");
            Assert.That(submitted.GetProperty("pendingSolution").GetProperty("summary").GetString(), Is.EqualTo("退款并赔偿 5000 元"));
            Assert.That(submitted.GetProperty("solution").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            await approvedByAgent.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(sentBack.GetProperty("pendingSolution").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(sentBack.GetProperty("status").GetString(), Is.EqualTo("investigated"));
            Assert.That(approved.GetProperty("status").GetString(), Is.EqualTo("solution"));
            Assert.That(approved.GetProperty("solution").GetProperty("summary").GetString(), Is.EqualTo("退款并赔偿 500 元"));
            Assert.That(kinds.SkipWhile(k => k != "solutionSubmitted"),
                Is.EqualTo(new[] { "solutionSubmitted", "solutionSentBack", "solutionSubmitted", "solutionApproved", "solutionProposed" }));
            var notifications = await (await _agentClient.GetAsync($"/api/v1/complaints/{id}/notifications")).ReadJsonAsync();
            Assert.That(notifications.EnumerateArray().Count(n => n.GetProperty("event").GetString() == "solutionProposed"), Is.EqualTo(1),
                "the customer hears of the approved solution only");
        });
    }

    [Test]
    public async Task ADissatisfiedClosing_OpensAServiceRecoveryCallForTheDepartmentsSupervisor_ASatisfiedOneDoesNot()
    {
        var qa = await ApiClient.DepartmentIdAsync("QA");
        var (headId, _) = await ApiClient.CreateStaffAsync("supervisor", qa);
        var unhappy = await _agent.BringToResolvedAsync();
        var happy = await _agent.BringToResolvedAsync();
        await _agent.DoAsync(unhappy, "close", new { reason = "resolved", satisfaction = 2, comment = "处理太慢" });
        await _agent.DoAsync(happy, "close", new { reason = "resolved", satisfaction = 4 });

        using var admin = await ApiClient.AsAdminAsync();
        async Task<List<System.Text.Json.JsonElement>> TasksOf(Guid complaint) =>
            (await (await admin.GetAsync($"/api/v1/care-tasks?complaintId={complaint}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var unhappyTasks = await TasksOf(unhappy);
        var happyTasks = await TasksOf(happy);

        Assert.Multiple(() =>
        {
            var recovery = unhappyTasks.Single(t => t.GetProperty("kind").GetString() == "serviceRecovery");
            Assert.That(recovery.GetProperty("ownerId").GetGuid(), Is.EqualTo(headId), "the supervisor of the department responsible");
            Assert.That(recovery.GetProperty("subject").GetString(), Does.Contain("satisfaction 2 of 5"));
            Assert.That(DateOnly.Parse(recovery.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThan(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).Date)), "due the next working day");
            Assert.That(happyTasks.Select(t => t.GetProperty("kind").GetString()), Is.EqualTo(new[] { "followUpCall" }));
        });
    }

    [Test]
    public async Task WhatTheCustomerWasTold_IsARecord_AtRegistration_AndWhenTheResultIsFedBack()
    {
        var promised = DateTimeOffset.UtcNow.AddDays(3);
        var id = (await _agent.ReceiveAsync()).GetProperty("id").GetGuid();
        var registered = await _agent.DoAsync(id, "register", new
        {
            category = "productQuality",
            severity = "general",
            customerInformed = new { via = "phone", apologised = true, promisedBy = promised },
        });
        var missingChannel = await _agent.ActAsync(id, "contacts", new { channel = "phone", direction = "outbound", summary = "Called" });
        await _agent.DoAsync(id, "investigation", ComplaintApi.Investigation);
        await _agent.DoAsync(id, "solution", ComplaintApi.Solution);
        await _agent.DoAsync(id, "customer-response", new { accepted = true });
        var untold = await _agent.ActAsync(id, "resolve", new { outcome = "Kettle replaced" });
        var resolved = await _agent.DoAsync(id, "resolve", new { outcome = "Kettle replaced", fedBackVia = "sms" });

        Assert.Multiple(async () =>
        {
            var notice = registered.GetProperty("registrationNotice");
            Assert.That(notice.GetProperty("via").GetString(), Is.EqualTo("phone"));
            Assert.That(notice.GetProperty("apologised").GetBoolean(), Is.True);
            Assert.That(notice.GetProperty("promisedBy").GetDateTimeOffset(), Is.EqualTo(promised).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(registered.GetProperty("customerAcknowledgedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.String));
            await missingChannel.AssertStatusAsync(HttpStatusCode.OK);
            var problem = await untold.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").TryGetProperty("fedBackVia", out _), Is.True, problem.ToString());
            Assert.That(resolved.GetProperty("resolution").GetProperty("fedBackVia").GetString(), Is.EqualTo("sms"));
        });
    }
}
