using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Incidents.Commands.LinkComplaintsToIncident;
using CustomerCare.Application.Incidents.Commands.OpenIncident;
using CustomerCare.Application.Incidents.Commands.ResolveIncident;
using CustomerCare.Application.Incidents.Queries.GetIncident;
using CustomerCare.Application.Incidents.Queries.ListIncidents;
using CustomerCare.Domain.Incidents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Incidents : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents").ProducesAuthProblems();

        group.MapGet("/", ListIncidents).WithName(nameof(ListIncidents)).RequireAuthorization(Policies.Staff)
            .WithSummary("Mass-fault incidents, latest start first, optionally of one status").ProducesValidationProblem();
        group.MapPost("/", OpenIncident).WithName(nameof(OpenIncident)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Open an incident for a mass fault (network outage, faulty product batch): title, cause code, product, region, start (supervisors and above)")
            .WithDescription("An unknown or retired `cause` is a 400 naming it; `startedAt` defaults to now and may not lie in the future.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetIncident).WithName(nameof(GetIncident)).RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("One incident, with the linked complaints the caller may see counted by status and by the state of their clocks")
            .WithDescription("`complaints.byStatus` lists every status (zero included); `breached`, `atRisk` and `onTrack` count the open " +
                "ones (not closed) by their most urgent unmet clock. A partner sees an incident only through its own complaints: one none " +
                "of them is traced to is 404, and the counts are of its complaints alone.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/{id:guid}/complaints", LinkComplaintsToIncident).WithName(nameof(LinkComplaintsToIncident))
            .RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Trace complaints to the incident, by selection (`complaintIds`, ≤ 500) or by rule (category, product, receipt window) (supervisors and above)")
            .WithDescription("Each complaint linked gets a public `linkedToIncident` timeline entry (its partner sees it) and a new ETag. " +
                "Linking again is harmless (`alreadyLinked`). In a selection, a complaint not found (or not yours to see), closed, or " +
                "traced to another incident is listed in `refused` with its code; a rule takes only complaints not closed and not traced " +
                "elsewhere. A rule matching more than `CustomerCare:Incidents:MaxLinksPerRule` (5000) complaints: 409 with `complaints`, " +
                "nothing linked. A resolved incident takes no more complaints: 409.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/resolve", ResolveIncident).WithName(nameof(ResolveIncident)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("The fault is fixed: resolve the incident and, in batches, every linked complaint with its resolution; each customer is told once")
            .WithDescription("Each linked complaint past registration and not yet resolved becomes `resolved` with the incident's " +
                "resolution as its outcome (its own timeline entry, clocks and ETag; its customer is notified as of any resolution and " +
                "may reopen it). Batches of `CustomerCare:Incidents:BatchSize` (100) are committed one by one: a run that stopped is " +
                "resumed by sending the same resolution again, which resolves only what is left (another resolution: 409). The answer " +
                "counts what was done and what is left: `notRegistered` (register them and resolve again), `notPermitted` (re-complaints " +
                "escalated above you), `remaining` (not yours to see). `If-Match` is optional; a stale ETag gets 412.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    public static async Task<Ok<PagedList<IncidentDto>>> ListIncidents(
        ISender sender, CancellationToken ct, [EnumQuery(typeof(IncidentStatus))] string? status = null,
        [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListIncidentsQuery(EnumQuery.Parse<IncidentStatus>(status, nameof(status)), page, pageSize), ct));

    public static async Task<Created<IncidentDto>> OpenIncident(OpenIncidentInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new OpenIncidentCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/incidents/{created.Id}", created);
    }

    public static async Task<Ok<IncidentDetailsDto>> GetIncident(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetIncidentQuery(id), ct));

    public static async Task<Ok<IncidentLinksDto>> LinkComplaintsToIncident(Guid id, LinkComplaintsInput input, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new LinkComplaintsToIncidentCommand(id, input), ct));

    public static async Task<Ok<IncidentResolutionDto>> ResolveIncident(Guid id, ResolveIncidentInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResolveIncidentCommand(id, input, ETags.ExpectedVersion(http)), ct));
}
