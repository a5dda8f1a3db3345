using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.ImprovementActions;
using CustomerCare.Application.ImprovementActions.Commands.CompleteImprovementAction;
using CustomerCare.Application.ImprovementActions.Commands.PlanImprovementAction;
using CustomerCare.Application.ImprovementActions.Commands.ReplanImprovementAction;
using CustomerCare.Application.ImprovementActions.Commands.ReviewImprovementAction;
using CustomerCare.Application.ImprovementActions.Commands.StartImprovementAction;
using CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;
using CustomerCare.Application.ImprovementActions.Queries.ListImprovementActions;
using CustomerCare.Domain.ImprovementActions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class ImprovementActions : IEndpointGroup
{
    private const string IfMatch = "Send `If-Match` with the action's ETag: a stale one gets 412, none gets 428. A move the current state does " +
        "not allow gets 409 with `currentStatus` and `allowedStatuses`. The owner or a supervisor, manager or administrator moves an action on (else 403).";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/improvement-actions").WithTags("Improvement actions").RequireAuthorization(Policies.Staff).ProducesAuthProblems();

        group.MapGet("/", ListImprovementActions).WithName(nameof(ListImprovementActions))
            .WithSummary("Improvement actions, soonest due first: `view=mine` (yours), `overdue=true` (open past their due day), by status, owner, " +
                "department, category, cause, or traced to a complaint, feedback, survey or incident (`tracedTo` with `targetId`)")
            .ProducesValidationProblem();
        group.MapPost("/", PlanImprovementAction).WithName(nameof(PlanImprovementAction)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Plan a corrective or preventive action: what, owner, department, due day, the category and/or cause whose complaint " +
                "rate it should lower, and what it answers (complaints, feedback, survey campaigns, incidents) (supervisors and above)")
            .WithDescription("Write what is to change, not who complained: actions are the organisation's record and are not erased with a " +
                "customer (ADR 0016). An unknown owner, department, category, cause or linked record is a 400 naming the field.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetImprovementAction).WithName(nameof(GetImprovementAction))
            .WithSummary("One improvement action, with its effect review once reviewed").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPut("/{id:guid}", ReplanImprovementAction).WithName(nameof(ReplanImprovementAction))
            .WithSummary("Change an open action's plan (owner, department, due day, what it should lower); the links named are added, none removed")
            .WithDescription(IfMatch)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        Change(group, "/{id:guid}/start", StartImprovementAction, nameof(StartImprovementAction), "Work starts: planned → in progress");
        Change(group, "/{id:guid}/complete", CompleteImprovementAction, nameof(CompleteImprovementAction),
            "It was carried out (→ done), with a note of what was done; its effect can be reviewed `CustomerCare:Improvement:ReviewAfterDays` (90) days later");
        Change(group, "/{id:guid}/review", ReviewImprovementAction, nameof(ReviewImprovementAction), Policies.SupervisorOrAbove,
            "Review the effect of a done action once its review period has passed (supervisors and above): the complaint rate of its " +
            "category and/or cause in the period before it was done against the period after; effective (→ effective) when it fell by " +
            "at least `CustomerCare:Improvement:EffectiveReduction` (20 %), else → notEffective. Too early: 409 with `reviewDueAt`.");
    }

    private static void Change(RouteGroupBuilder group, string pattern, Delegate handler, string name, string summary) =>
        Change(group, pattern, handler, name, Policies.Staff, summary);

    private static void Change(RouteGroupBuilder group, string pattern, Delegate handler, string name, string policy, string summary) =>
        group.MapPost(pattern, handler).WithName(name).WithSummary(summary).WithDescription(IfMatch).RequireAuthorization(policy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static async Task<Ok<PagedList<ImprovementActionDto>>> ListImprovementActions(
        ISender sender, CancellationToken ct, [EnumQuery(typeof(ImprovementActionView))] string? view = null, bool overdue = false,
        [EnumQuery(typeof(ImprovementActionStatus))] string? status = null, Guid? ownerId = null, Guid? departmentId = null,
        [MaxLength(Domain.Complaints.ClassificationTerm.CodeMaxLength)] string? category = null,
        [MaxLength(Domain.Complaints.ClassificationTerm.CodeMaxLength)] string? cause = null,
        [EnumQuery(typeof(ImprovementLinkKind))] string? tracedTo = null, Guid? targetId = null,
        [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListImprovementActionsQuery(
            EnumQuery.Parse<ImprovementActionView>(view, nameof(view)) ?? ImprovementActionView.All, overdue,
            EnumQuery.Parse<ImprovementActionStatus>(status, nameof(status)), ownerId, departmentId, category, cause,
            EnumQuery.Parse<ImprovementLinkKind>(tracedTo, nameof(tracedTo)), targetId, page, pageSize), ct));

    public static async Task<Created<ImprovementActionDto>> PlanImprovementAction(ImprovementActionInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new PlanImprovementActionCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/improvement-actions/{created.Id}", created);
    }

    public static async Task<Ok<ImprovementActionDto>> GetImprovementAction(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetImprovementActionQuery(id), ct));

    public static async Task<Ok<ImprovementActionDto>> ReplanImprovementAction(Guid id, ImprovementActionInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ReplanImprovementActionCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<ImprovementActionDto>> StartImprovementAction(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new StartImprovementActionCommand(id, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<ImprovementActionDto>> CompleteImprovementAction(
        Guid id, CompleteImprovementActionInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new CompleteImprovementActionCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<ImprovementActionDto>> ReviewImprovementAction(
        Guid id, ReviewImprovementActionInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ReviewImprovementActionCommand(id, input, ETags.ExpectedVersion(http)), ct));
}
