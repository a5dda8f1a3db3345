using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Limits;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints.Commands.AddComplaintNote;
using CustomerCare.Application.Complaints.Commands.ApproveSolution;
using CustomerCare.Application.Complaints.Commands.AssignComplaint;
using CustomerCare.Application.Complaints.Commands.CloseComplaint;
using CustomerCare.Application.Complaints.Commands.CompleteSolutionStep;
using CustomerCare.Application.Complaints.Commands.FileReComplaint;
using CustomerCare.Application.Complaints.Commands.ImportComplaints;
using CustomerCare.Application.Complaints.Commands.LogCustomerContact;
using CustomerCare.Application.Complaints.Commands.PauseSla;
using CustomerCare.Application.Complaints.Commands.ProposeSolution;
using CustomerCare.Application.Complaints.Commands.ReceiveComplaint;
using CustomerCare.Application.Complaints.Commands.ReclassifyComplaint;
using CustomerCare.Application.Complaints.Commands.RecordCustomerResponse;
using CustomerCare.Application.Complaints.Commands.RecordInvestigation;
using CustomerCare.Application.Complaints.Commands.RegisterComplaint;
using CustomerCare.Application.Complaints.Commands.ReopenComplaint;
using CustomerCare.Application.Complaints.Commands.ReplyToComplaint;
using CustomerCare.Application.Complaints.Commands.ResolveComplaint;
using CustomerCare.Application.Complaints.Commands.ResumeSla;
using CustomerCare.Application.Complaints.Commands.ReturnComplaintToQueue;
using CustomerCare.Application.Complaints.Commands.SendBackSolution;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Application.Complaints.Queries.GetComplaintImport;
using CustomerCare.Application.Complaints.Queries.GetComplaintTimeline;
using CustomerCare.Application.Complaints.Queries.GetSlaByDepartment;
using CustomerCare.Application.Complaints.Queries.ListComplaints;
using CustomerCare.Application.Notifications.Queries.GetComplaintNotifications;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Imports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerCare.Api.Endpoints;

public sealed class Complaints : IEndpointGroup
{
    /// <summary>What a partner reads of a complaint (the same holds for customers later).</summary>
    internal const string PartnerView = "A partner reads the public part of a complaint: `customerId`, `firstResponderId`, " +
        "`responsibleDepartmentId`, `assigneeId` and `investigation` are null, and solution steps carry no `ownerId`.";

    /// <summary>What a partner reads of the timeline and the change feed.</summary>
    internal const string PublicEntries = "Every entry has a `visibility`: `internal` (notes, contacts with their summaries, " +
        "assignments and transfers, SLA clocks, reclassification) or `public` (changes of status, the solution and the result as " +
        "communicated). Staff read both; a partner reads public entries only, with `actorId` null where the actor is a staff " +
        "member and `text` only on `received`, `solutionProposed` and `resolved` (what the customer was told).";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/complaints").WithTags("Complaints").ProducesAuthProblems();

        group.MapPost("/", ReceiveComplaint).WithName(nameof(ReceiveComplaint)).RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("Receive a complaint (status received); a partner re-sending an external reference gets the existing one (200)")
            .WithDescription("Name the customer by `customerId`, or give `customer` (name plus phone and/or e-mail): it is matched to an " +
                "existing customer by phone or e-mail, else created. Staff receiving a complaint become its first responder. " +
                "Partners always give `customer` inline (a `customerId` from a partner is a 400) and never see customer ids: " +
                "the match to an existing record happens invisibly. " + PartnerView)
            .ProducesValidationProblem();
        group.MapPost("/import", ImportComplaints).WithName(nameof(ImportComplaints)).RequireAuthorization(Policies.Partner)
            .WithMetadata(new ImportBodySizeMetadata(), new AcceptedLocation("The import job: poll it for its progress and, at the end, its report."))
            .WithSummary("Bulk import (partners): NDJSON or CSV of complaints, imported in the background as a job (202 with the job's Location)")
            .WithDescription("`application/x-ndjson`: one JSON object per line, shaped as the body of POST /complaints. `text/csv`: a header row, " +
                "then one complaint per record; columns (any order, names case-insensitive): " +
                string.Join(", ", ComplaintImportParser.CsvColumns) + ". A file that cannot be read at all (an empty one, an unknown or repeated CSV " +
                "column, more rows than CustomerCare:Import:MaxRows, more bytes than CustomerCare:Limits:MaxImportBodyBytes) is refused at once; " +
                "otherwise the answer is 202 with the `Location` of the import job, which shows its progress (`rowsDone` of `totalRows`) " +
                "and, row by row at its `rows`, what became of each: `created`, `duplicate` (with the complaint) or `error` (with the field " +
                "errors). Rows are validated as POST /complaints validates them and saved in batches; a job survives a restart of the API " +
                "and resumes where it stopped, saving nothing twice. Every row needs its `externalReference`: re-importing a file (or a row " +
                "repeated in it) reports `duplicate` instead of creating it twice. Send an `Idempotency-Key`: the same file posted again " +
                "with the same key answers the same job.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", ListComplaints).WithName(nameof(ListComplaints)).RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("Complaints you may see, filtered, sorted and paged (pageSize at most 200); q searches number, title and description; sla=breached|atRisk (overdue=true means breached: a clock past its due time, or a solution step past its due time and not done) looks at open complaints")
            .WithDescription("totalCount counts the matches up to CustomerCare:Complaints:ListCountLimit (1,000), or as far as the requested page reaches; beyond that it is a lower bound and totalCountIsExact is false. " +
                "A search (`q`) counts up to CustomerCare:Complaints:SearchCountLimit (0 by default: as far as the requested page reaches): " +
                "totalCountIsExact false then says that more matches follow the page, and the next page shows them. " +
                "For a partner, `customerId`, `firstResponderId`, `responsibleDepartmentId` and `assigneeId` are null. " +
                "With `Accept: text/csv` (staff only) the answer is the complaint ledger (投诉台账): every complaint the filters find, oldest " +
                "first, one row each with its clocks (due, met, state per milestone); page and pageSize do not apply, the server pages " +
                "through the database as it writes.")
            .Produces<PagedList<ComplaintSummaryDto>>(StatusCodes.Status200OK, "application/json", ReportResults.Csv)
            .ProducesValidationProblem();
        group.MapGet("/sla/by-department", GetSlaByDepartment).WithName(nameof(GetSlaByDepartment)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Per responsible department: open complaints with a breached milestone, and with one at risk, now");
        group.MapGet("/{id:guid}", GetComplaint).WithName(nameof(GetComplaint)).RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("One complaint with the allowedActions its state allows now; its ETag goes into If-Match of every change")
            .WithDescription(PartnerView)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapGet("/{id:guid}/timeline", GetComplaintTimeline).WithName(nameof(GetComplaintTimeline)).RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("The complaint's history, oldest first: who did what, when, from which state to which, and why")
            .WithDescription(PublicEntries)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapGet("/{id:guid}/notifications", GetComplaintNotifications).WithName(nameof(GetComplaintNotifications)).RequireAuthorization(Policies.Staff)
            .WithSummary("What the complaint told whom: each e-mail and text message to the customer and to staff, with its status and the last answer")
            .WithDescription("Notifications are planned in the transaction of the change they tell about and sent after it commits, with retries. " +
                "One that was not sent says why in `notSentReason` (`channelNotConfigured`, `noConsent`, `noAddress`, `erased`); a text message " +
                "planned in the quiet hours waits until their end (`nextAttemptAt`).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        Change(group, "/{id:guid}/register", RegisterComplaint, nameof(RegisterComplaint),
            "Classify (category, severity) and confirm the customer was told: received → registered; you become first responder if none");
        Change(group, "/{id:guid}/assign", AssignComplaint, nameof(AssignComplaint),
            "Assign or transfer to a department and/or staff member, with a reason (the first responder stays)");
        Change(group, "/{id:guid}/contacts", LogCustomerContact, nameof(LogCustomerContact),
            "Log a contact with the customer (channel, direction, summary)");
        Change(group, "/{id:guid}/investigation", RecordInvestigation, nameof(RecordInvestigation),
            "Record findings, root cause, genuine or not, evidence, corrective action: → investigated");
        Change(group, "/{id:guid}/solution", ProposeSolution, nameof(ProposeSolution),
            "Propose a solution with steps, owners and deadlines, as communicated to the customer: investigated → solution");
        Change(group, "/{id:guid}/customer-response", RecordCustomerResponse, nameof(RecordCustomerResponse),
            "The customer's answer: accepted stays in solution (carry it out); rejected goes back to investigated, with the recourse offered");
        Change(group, "/{id:guid}/resolve", ResolveComplaint, nameof(ResolveComplaint),
            "Outcome and compensation once the accepted solution is carried out: solution → resolved");
        Change(group, "/{id:guid}/reopen", ReopenComplaint, nameof(ReopenComplaint),
            "The problem is not solved after all: resolved → investigated, with a reason");
        Change(group, "/{id:guid}/close", CloseComplaint, nameof(CloseComplaint),
            "Close: as resolved (from resolved, with satisfaction 1–5 and comment) or early as withdrawn, unfounded or duplicate (naming the original)");
        Change(group, "/{id:guid}/notes", AddComplaintNote, nameof(AddComplaintNote), "Add an internal note to the timeline");
        Change(group, "/{id:guid}/replies", ReplyToComplaint, nameof(ReplyToComplaint),
            "Reply to the customer: a public timeline entry, sent to them by their channel (GET …/notifications shows the sending)");
        Change(group, "/{id:guid}/classification", ReclassifyComplaint, nameof(ReclassifyComplaint),
            "Change category and/or severity after registration, with a reason; clocks not yet met follow the new severity's targets");
        Change(group, "/{id:guid}/solution/approve", ApproveSolution, nameof(ApproveSolution),
            "Approve the solution submitted for a major complaint (a supervisor, manager or administrator): it is proposed to the customer");
        Change(group, "/{id:guid}/solution/send-back", SendBackSolution, nameof(SendBackSolution),
            "Send the solution submitted for a major complaint back to the handler with a reason (a supervisor, manager or administrator)");
        Change(group, "/{id:guid}/return-to-queue", ReturnComplaintToQueue, nameof(ReturnComplaintToQueue),
            "Give the complaint back to its department's queue with a reason (its handler, or whoever may assign); the department's head assigns it again");
        Change(group, "/{id:guid}/solution/steps/{number}/done", CompleteSolutionStep, nameof(CompleteSolutionStep),
            "Mark a step of the proposed solution done (steps are numbered from 1; who and when are kept); a step past its due time and not done makes the complaint overdue");
        Change(group, "/{id:guid}/sla/pause", PauseSla, nameof(PauseSla),
            "Pause the running SLA clocks while waiting for the customer or a third party");
        Change(group, "/{id:guid}/sla/resume", ResumeSla, nameof(ResumeSla),
            "Resume the paused SLA clocks; their due times move on by the working time spent waiting");
        group.MapPost("/{id:guid}/re-complaints", FileReComplaint).WithName(nameof(FileReComplaint)).RequireAuthorization(Policies.Staff)
            .WithSummary("The customer is unhappy after closing: a new complaint linked to this one, one escalation level higher (If-Match of this one)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static void Change(RouteGroupBuilder group, string pattern, Delegate handler, string name, string summary) =>
        group.MapPost(pattern, handler).WithName(name).RequireAuthorization(Policies.Staff).WithSummary(summary)
            .WithDescription("Send `If-Match` with the complaint's ETag: a stale one gets 412 and changes nothing, none gets 428. " +
                "A move the current state does not allow gets 409 with `currentStatus` and `allowedActions`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static async Task<Results<Created<ComplaintDto>, Ok<ComplaintDto>>> ReceiveComplaint(
        ReceiveComplaintInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new ReceiveComplaintCommand(input), ct);
        ETags.Set(http, result.Complaint.Version);
        var location = $"{EndpointGroupExtensions.VersionPrefix}/complaints/{result.Complaint.Id}";
        if (result.Created)
        {
            return TypedResults.Created(location, result.Complaint);
        }

        http.Response.Headers.Location = location;
        return TypedResults.Ok(result.Complaint);
    }

    public static async Task<Results<Accepted<ComplaintImportDto>, ProblemHttpResult>> ImportComplaints(
        HttpRequest request, ISender sender, IOptions<ImportOptions> options, CancellationToken ct)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var csv = string.Equals(mediaType, CsvMediaType, StringComparison.OrdinalIgnoreCase);
        if (!csv && !NdjsonMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
                detail: Texts.Say($"Send the file as {NdjsonMediaType} (one JSON object per line) or {CsvMediaType}."));
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var file = await reader.ReadToEndAsync(ct);
        var format = csv ? ComplaintImportFormat.Csv : ComplaintImportFormat.Ndjson;
        var rows = await ComplaintImportParser.ReadAsync(format, file, options.Value.MaxRows, ct);
        var job = await sender.Send(new ImportComplaintsCommand(format, file, rows), ct);
        return TypedResults.Accepted($"{EndpointGroupExtensions.VersionPrefix}/complaint-imports/{job.Id}", job);
    }

    internal const string NdjsonMediaType = "application/x-ndjson";
    internal const string CsvMediaType = "text/csv";
    private static readonly string[] NdjsonMediaTypes = [NdjsonMediaType, "application/ndjson", "application/jsonl", "application/x-jsonlines"];

    public static async Task<IResult> ListComplaints(
        HttpContext http, ISender sender, Microsoft.Extensions.Options.IOptions<ComplaintOptions> options, CancellationToken ct,
        [EnumQuery(typeof(ComplaintStatus))] string? status = null, [MaxLength(ComplaintCategories.MaxLength)] string? category = null,
        [EnumQuery(typeof(Severity))] string? severity = null, [EnumQuery(typeof(Channel))] string? channel = null,
        Guid? departmentId = null, Guid? assigneeId = null, Guid? firstResponderId = null, Guid? customerId = null, Guid? partnerId = null,
        DateTimeOffset? receivedFrom = null, DateTimeOffset? receivedTo = null, DateTimeOffset? createdFrom = null, DateTimeOffset? createdTo = null,
        [EnumQuery(typeof(SlaFilter))] string? sla = null,
        bool overdue = false, [Range(0, 100)] int? escalationLevel = null, bool? keyCustomer = null, [MaxLength(Paging.MaxSearchLength)] string? q = null,
        [EnumQuery(typeof(ComplaintSort))] string? sort = null, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize)
    {
        var query = new ListComplaintsQuery
        {
            Status = EnumQuery.Parse<ComplaintStatus>(status, nameof(status)),
            Category = category,
            Severity = EnumQuery.Parse<Severity>(severity, nameof(severity)),
            Channel = EnumQuery.Parse<Channel>(channel, nameof(channel)),
            DepartmentId = departmentId,
            EscalationLevel = escalationLevel,
            KeyCustomer = keyCustomer,
            AssigneeId = assigneeId,
            FirstResponderId = firstResponderId,
            CustomerId = customerId,
            PartnerId = partnerId,
            ReceivedFrom = receivedFrom,
            ReceivedTo = receivedTo,
            CreatedFrom = createdFrom,
            CreatedTo = createdTo,
            Sla = overdue ? SlaFilter.Breached : EnumQuery.Parse<SlaFilter>(sla, nameof(sla)),
            Q = q,
            Sort = EnumQuery.Parse<ComplaintSort>(sort, nameof(sort)) ?? ComplaintSort.ReceivedAtDesc,
            Page = page,
            PageSize = pageSize,
        };
        if (ReportResults.WantsCsv(http.Request))
        {
            return await ComplaintLedgerCsv.StartAsync(sender, query, options.Value.LedgerPageSize, ct);
        }

        http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.Accept);
        return TypedResults.Ok(await sender.Send(query, ct));
    }

    public static async Task<Ok<IReadOnlyList<DepartmentSlaDto>>> GetSlaByDepartment(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSlaByDepartmentQuery(), ct));

    public static async Task<Ok<ComplaintDto>> GetComplaint(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetComplaintQuery(id), ct));

    public static async Task<Ok<IReadOnlyList<NotificationDto>>> GetComplaintNotifications(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetComplaintNotificationsQuery(id), ct));

    public static async Task<Ok<IReadOnlyList<TimelineEntryDto>>> GetComplaintTimeline(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetComplaintTimelineQuery(id), ct));

    public static async Task<Ok<ComplaintDto>> RegisterComplaint(Guid id, RegisterComplaintInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new RegisterComplaintCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> AssignComplaint(Guid id, AssignComplaintInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new AssignComplaintCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> LogCustomerContact(Guid id, LogCustomerContactInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new LogCustomerContactCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> RecordInvestigation(Guid id, RecordInvestigationInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new RecordInvestigationCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ProposeSolution(Guid id, ProposeSolutionInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ProposeSolutionCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> RecordCustomerResponse(Guid id, RecordCustomerResponseInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new RecordCustomerResponseCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ResolveComplaint(Guid id, ResolveComplaintInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ResolveComplaintCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ReopenComplaint(Guid id, ReopenComplaintInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ReopenComplaintCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> CloseComplaint(Guid id, CloseComplaintInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new CloseComplaintCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ApproveSolution(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ApproveSolutionCommand(id, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> SendBackSolution(Guid id, SendBackSolutionInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SendBackSolutionCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ReturnComplaintToQueue(
        Guid id, ReturnComplaintToQueueInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ReturnComplaintToQueueCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ReplyToComplaint(Guid id, ReplyToComplaintInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ReplyToComplaintCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> AddComplaintNote(Guid id, AddComplaintNoteInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new AddComplaintNoteCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ReclassifyComplaint(Guid id, ReclassifyComplaintInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ReclassifyComplaintCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> PauseSla(Guid id, PauseSlaInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new PauseSlaCommand(id, input, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> CompleteSolutionStep(
        Guid id, [Range(1, SolutionStep.MaxStepsPerSolution)] int number, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new CompleteSolutionStepCommand(id, number, Version(http)), ct));

    public static async Task<Ok<ComplaintDto>> ResumeSla(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ResumeSlaCommand(id, Version(http)), ct));

    public static async Task<Created<ComplaintDto>> FileReComplaint(Guid id, FileReComplaintInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new FileReComplaintCommand(id, input, Version(http)), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/complaints/{created.Id}", created);
    }

    private static uint? Version(HttpContext http) => ETags.ExpectedVersion(http);

}
